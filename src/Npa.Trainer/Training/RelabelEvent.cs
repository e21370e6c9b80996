namespace Npa.Trainer.Training;

/// <summary>One label rectification: in <paramref name="Epoch"/>, training sample <paramref name="Sample"/> went from <paramref name="Old"/> to <paramref name="New"/>.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Sample">Index in the training set.</param>
/// <param name="Path">Image path of the sample.</param>
/// <param name="Old">Label before.</param>
/// <param name="New">Label after (the teachers' agreed y_max).</param>
/// <param name="Clean">Known clean label, if the data set has one.</param>
/// <param name="PCom">(Pmax1 + Pmax2)/2 that passed δ2.</param>
/// <param name="Delta2">δ2 in force.</param>
public sealed record RelabelEvent(int Epoch, int Sample, string Path, int Old, int New, int? Clean, double PCom, double Delta2)
{
    /// <summary>Whether the new label equals the clean one; null when the clean label is unknown.</summary>
    public bool? Correct => Clean is int c ? c == New : null;
}
