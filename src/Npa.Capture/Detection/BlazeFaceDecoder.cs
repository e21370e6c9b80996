using OpenCvSharp;

namespace Npa.Capture.Detection;

/// <summary>
/// Turns BlazeFace's raw outputs (896 score logits, 896×16 regressors) into faces in model-input pixels:
/// MediaPipe box decoding (scale 128), sigmoid scores, and weighted non-maximum suppression.
/// </summary>
public sealed class BlazeFaceDecoder
{
    public const int AnchorCount = 896;
    public const int Regressors = 16;
    public const int KeypointCount = 6;

    private readonly (float X, float Y)[] _anchors = BlazeFaceAnchors.Generate();
    private readonly double _scoreThreshold;
    private readonly double _nmsIoU;

    public BlazeFaceDecoder(double scoreThreshold, double nmsIoU)
    {
        _scoreThreshold = scoreThreshold;
        _nmsIoU = nmsIoU;
    }

    /// <summary>Decodes; <paramref name="scores"/> has 896 logits and <paramref name="boxes"/> 896×16 values, both in anchor order.</summary>
    public List<FaceDetection> Decode(ReadOnlySpan<float> scores, ReadOnlySpan<float> boxes)
    {
        if (scores.Length != AnchorCount || boxes.Length != AnchorCount * Regressors)
        {
            throw new ArgumentException($"BlazeFace outputs must be {AnchorCount} scores and {AnchorCount}×{Regressors} regressors (got {scores.Length} and {boxes.Length})");
        }

        const float scale = BlazeFaceAnchors.InputSize;
        var candidates = new List<FaceDetection>();
        for (int i = 0; i < AnchorCount; i++)
        {
            double score = 1.0 / (1.0 + Math.Exp(-Math.Clamp(scores[i], -100f, 100f)));
            if (score < _scoreThreshold)
            {
                continue;
            }

            ReadOnlySpan<float> r = boxes.Slice(i * Regressors, Regressors);
            (float ax, float ay) = _anchors[i];
            double cx = ((r[0] / scale) + ax) * scale;
            double cy = ((r[1] / scale) + ay) * scale;
            double w = r[2];
            double h = r[3];
            var keypoints = new Point2d[KeypointCount];
            for (int k = 0; k < KeypointCount; k++)
            {
                keypoints[k] = new Point2d(((r[4 + (2 * k)] / scale) + ax) * scale, ((r[5 + (2 * k)] / scale) + ay) * scale);
            }

            candidates.Add(new FaceDetection(new Rect2d(cx - (w / 2), cy - (h / 2), w, h), score, keypoints));
        }

        return WeightedNms(candidates);
    }

    /// <summary>MediaPipe's WEIGHTED suppression: each cluster around the best box becomes its score-weighted mean.</summary>
    private List<FaceDetection> WeightedNms(List<FaceDetection> candidates)
    {
        var remaining = candidates.OrderByDescending(c => c.Score).ToList();
        var result = new List<FaceDetection>();
        while (remaining.Count > 0)
        {
            FaceDetection best = remaining[0];
            List<FaceDetection> cluster = remaining.Where(c => FaceDetection.IoU(best.Box, c.Box) > _nmsIoU).ToList();
            remaining.RemoveAll(c => FaceDetection.IoU(best.Box, c.Box) > _nmsIoU);
            if (cluster.Count == 0)
            {
                // A degenerate (zero-area) best box overlaps nothing, not even itself.
                remaining.RemoveAt(0);
                continue;
            }

            double total = cluster.Sum(c => c.Score);
            double x = 0, y = 0, w = 0, h = 0;
            var keypoints = new Point2d[KeypointCount];
            foreach (FaceDetection c in cluster)
            {
                double weight = c.Score / total;
                x += c.Box.X * weight;
                y += c.Box.Y * weight;
                w += c.Box.Width * weight;
                h += c.Box.Height * weight;
                for (int k = 0; k < KeypointCount; k++)
                {
                    keypoints[k] = new Point2d(keypoints[k].X + (c.Keypoints[k].X * weight), keypoints[k].Y + (c.Keypoints[k].Y * weight));
                }
            }

            result.Add(new FaceDetection(new Rect2d(x, y, w, h), best.Score, keypoints));
        }

        return result;
    }
}
