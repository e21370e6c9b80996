using Npa.Monitor.Storage;
using Npa.Shared.Nips;

namespace Npa.Monitor.Annotation;

/// <summary>What the annotator page's API sends: a frame with what the model said, and an audit row.</summary>
internal static class AnnotationViews
{
    public static object Frame(FlaggedFrame f, AnnotationCams? cams)
    {
        var probs = f.Probabilities.ToArray();
        double score = NipsScale.ExpectedScore(probs);
        return new
        {
            f.Id, f.Bed, f.Time, reasons = FlagReasonCodes.Format(f.Reasons), probabilities = probs,
            f.PredictedLevel, score = Math.Round(score, 2), band = NipsScale.WireName(NipsScale.CategoryOf(score)),
            confidence = probs.Max(), f.AlphaA, f.AlphaB, alpha = f.AlphaA * f.AlphaB, f.ModelId,
            status = f.Status.ToString().ToLowerInvariant(), storeLabel = f.AnnotatorLabel,
            crop = $"/api/frames/{f.Id}/crop",
            // The store keeps no CAM maps: they are drawn on request when annotate was given --model.
            cam = cams is null ? null : cams.Branches.Select((_, b) => $"/api/frames/{f.Id}/cam/{b}").ToArray(),
            camBranches = cams?.Branches, camModel = cams?.ModelId,
        };
    }

    public static object Audit(AnnotationAuditEntry e) => new
    {
        e.Seq, frame = e.FrameId, e.Annotator, e.Time, previous = e.Previous?.ToString(), value = e.Value.ToString(), e.StoreLabel,
    };
}
