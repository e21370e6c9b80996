using System.Globalization;
using Npa.Shared.Nips;

namespace Npa.Monitor.Annotation;

/// <summary>What an annotator answered for one frame: a NIPS level 0..7, or "cannot tell" (never trained on).</summary>
/// <param name="Level">The NIPS level, or null for "cannot tell".</param>
public readonly record struct AnnotationValue(int? Level)
{
    /// <summary>Wire code of "cannot tell", the same code the trainer's flagged-label reader skips.</summary>
    public const string CannotTellCode = "cannot_tell";

    /// <summary>The "cannot tell" answer.</summary>
    public static AnnotationValue CannotTell => new(null);

    /// <summary>True for "cannot tell".</summary>
    public bool IsCannotTell => Level is null;

    /// <summary>Parses <c>0</c>..<c>7</c> or <c>cannot_tell</c>; anything else is false.</summary>
    public static bool TryParse(string? text, out AnnotationValue value)
    {
        value = CannotTell;
        if (string.Equals(text, CannotTellCode, StringComparison.Ordinal)) return true;
        if (text is { Length: 1 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int level) && NipsScale.IsValidScore(level))
        {
            value = new AnnotationValue(level);
            return true;
        }
        return false;
    }

    /// <summary>The wire code: the level's digit or <see cref="CannotTellCode"/>.</summary>
    public override string ToString() => Level is { } l ? l.ToString(CultureInfo.InvariantCulture) : CannotTellCode;
}
