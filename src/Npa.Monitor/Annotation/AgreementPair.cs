namespace Npa.Monitor.Annotation;

/// <summary>Agreement of two annotators over the frames both scored with a NIPS level ("cannot tell" answers are left out).</summary>
/// <param name="AnnotatorA">First annotator (ordinal order).</param>
/// <param name="AnnotatorB">Second annotator.</param>
/// <param name="Frames">Frames both gave a level.</param>
/// <param name="Agreed">Frames on which the levels are equal.</param>
/// <param name="Kappa">Cohen's κ, or null where undefined.</param>
public sealed record AgreementPair(string AnnotatorA, string AnnotatorB, int Frames, int Agreed, double? Kappa)
{
    /// <summary>Every pair of annotators with at least one frame in common, from the ledger's current answers.</summary>
    public static IReadOnlyList<AgreementPair> From(IReadOnlyList<FrameAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var byFrame = answers.Where(a => a.Value.Level is not null)
            .GroupBy(a => a.FrameId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(a => a.Annotator, a => a.Value.Level!.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var names = answers.Select(a => a.Annotator).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var pairs = new List<AgreementPair>();
        for (int i = 0; i < names.Count; i++)
        {
            for (int j = i + 1; j < names.Count; j++)
            {
                var both = byFrame.Values
                    .Where(f => f.ContainsKey(names[i]) && f.ContainsKey(names[j]))
                    .Select(f => (f[names[i]], f[names[j]])).ToList();
                if (both.Count == 0) continue;
                pairs.Add(new AgreementPair(names[i], names[j], both.Count, both.Count(p => p.Item1 == p.Item2), CohensKappa.Compute(both)));
            }
        }
        return pairs;
    }
}
