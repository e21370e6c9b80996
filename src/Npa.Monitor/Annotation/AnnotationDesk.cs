using Npa.Monitor.Storage;

namespace Npa.Monitor.Annotation;

/// <summary>
/// The annotator page's rules over the flagged-frame store and the ledger: which frames an annotator still has to
/// see, and when an answer becomes the store's label (the label <c>flags export</c> and <c>npa-train retrain</c> read).
/// A level becomes the label once at least <see cref="RequiredAnnotators"/> annotators gave it and no other level
/// was given as often; "cannot tell" never becomes a label, so such frames are never trained on.
/// </summary>
public sealed class AnnotationDesk
{
    private readonly IFlaggedFrameStore _store;
    private readonly SqliteAnnotationLedger _ledger;
    private readonly TimeProvider _time;

    public AnnotationDesk(IFlaggedFrameStore store, SqliteAnnotationLedger ledger, int requiredAnnotators, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        ArgumentOutOfRangeException.ThrowIfLessThan(requiredAnnotators, 1);
        RequiredAnnotators = requiredAnnotators;
    }

    /// <summary>How many annotators must give the same level before it is the store's label (1, or 2 for double annotation).</summary>
    public int RequiredAnnotators { get; }

    /// <summary>The ledger (audit and agreement).</summary>
    public SqliteAnnotationLedger Ledger => _ledger;

    /// <summary>The store the frames come from.</summary>
    public IFlaggedFrameStore Store => _store;

    /// <summary>Frames still unlabelled in the store that <paramref name="annotator"/> has not answered, oldest first.</summary>
    public IReadOnlyList<FlaggedFrame> QueueFor(string annotator)
    {
        var answered = _ledger.AllAnswers().Where(a => a.Annotator == annotator).Select(a => a.FrameId).ToHashSet(StringComparer.Ordinal);
        return [.. _store.List().Where(f => f.Status != RelabelStatus.Labelled && !answered.Contains(f.Id))];
    }

    /// <summary>Records an answer (audited) and settles the store's label; an unknown frame throws <see cref="KeyNotFoundException"/>.</summary>
    public AnnotationAuditEntry Answer(string frameId, string annotator, AnnotationValue value)
    {
        var frame = _store.Find(frameId) ?? throw new KeyNotFoundException($"no flagged frame '{frameId}'");
        return _ledger.Record(frame.Id, annotator, value, _time.GetUtcNow(), answers =>
        {
            if (Winner(answers) is not { } level) return _store.Find(frame.Id)?.AnnotatorLabel;
            var current = _store.Find(frame.Id);
            if (current?.AnnotatorLabel != level || current.Annotator != Annotators(answers, level))
                _store.ApplyLabels([new AnnotatorLabel(frame.Id, level, Annotators(answers, level))]);
            return level;
        });
    }

    private int? Winner(IReadOnlyList<FrameAnswer> answers)
    {
        var counts = answers.Where(a => a.Value.Level is not null).GroupBy(a => a.Value.Level!.Value)
            .Select(g => (Level: g.Key, Count: g.Count())).OrderByDescending(c => c.Count).ToList();
        if (counts.Count == 0 || counts[0].Count < RequiredAnnotators) return null;
        return counts.Count > 1 && counts[1].Count == counts[0].Count ? null : counts[0].Level;
    }

    // The store keeps one annotator column: the names that agreed, so that double annotation shows who agreed.
    private static string Annotators(IReadOnlyList<FrameAnswer> answers, int level) =>
        string.Join('+', answers.Where(a => a.Value.Level == level).Select(a => a.Annotator).Order(StringComparer.Ordinal));
}
