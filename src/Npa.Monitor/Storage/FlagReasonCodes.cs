namespace Npa.Monitor.Storage;

/// <summary>Wire codes of <see cref="FlagReasons"/> (database, CSV, API): branch_disagreement, low_alpha, low_confidence.</summary>
public static class FlagReasonCodes
{
    private static readonly (FlagReasons Reason, string Code)[] Codes =
    [
        (FlagReasons.BranchDisagreement, "branch_disagreement"),
        (FlagReasons.LowAlpha, "low_alpha"),
        (FlagReasons.LowConfidence, "low_confidence"),
    ];

    /// <summary>The codes of the set reasons, separated by <c>|</c> in a fixed order ("" for none).</summary>
    public static string Format(FlagReasons reasons) =>
        string.Join('|', Codes.Where(c => reasons.HasFlag(c.Reason)).Select(c => c.Code));

    /// <summary>Parses <see cref="Format"/>'s output; an unknown code is an error that names it.</summary>
    public static FlagReasons Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reasons = FlagReasons.None;
        foreach (string part in text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int index = Array.FindIndex(Codes, c => c.Code == part);
            if (index < 0)
                throw new FormatException($"unknown flag reason '{part}'; expected {string.Join(", ", Codes.Select(c => c.Code))}");
            reasons |= Codes[index].Reason;
        }
        return reasons;
    }
}
