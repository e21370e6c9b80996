using Npa.Monitor.Storage;
using Npa.Shared.Nips;

namespace Npa.Monitor.Annotation;

/// <summary>What the annotator page's API sends: a frame with what the model said, and an audit row.</summary>
internal static class AnnotationViews
{
    public static object Frame(FlaggedFrame f)
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
            // The flagged-frame store keeps no CAM maps today; the page says so rather than showing a stale guess.
            cam = (string[]?)null,
        };
    }

    public static object Audit(AnnotationAuditEntry e) => new
    {
        e.Seq, frame = e.FrameId, e.Annotator, e.Time, previous = e.Previous?.ToString(), value = e.Value.ToString(), e.StoreLabel,
    };
}
