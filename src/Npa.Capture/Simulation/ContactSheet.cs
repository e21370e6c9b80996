using System.Globalization;
using OpenCvSharp;

namespace Npa.Capture.Simulation;

/// <summary>Lays images out as a grid with a label per row (one row per NIPS class).</summary>
public static class ContactSheet
{
    /// <summary>Composes rows of images (each resized to <paramref name="tile"/> pixels) into one new BGR image the caller owns.</summary>
    public static Mat Compose(IReadOnlyList<IReadOnlyList<Mat>> rows, IReadOnlyList<string> rowLabels, int tile)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rowLabels);
        if (rows.Count == 0) throw new ArgumentException("no rows to lay out", nameof(rows));
        if (rowLabels.Count != rows.Count) throw new ArgumentException($"{rowLabels.Count} labels for {rows.Count} rows", nameof(rowLabels));
        ArgumentOutOfRangeException.ThrowIfLessThan(tile, 16);
        const int gap = 4;
        int labelWidth = 90, cols = Math.Max(1, rows.Max(r => r.Count));
        var sheet = new Mat(rows.Count * (tile + gap) + gap, labelWidth + cols * (tile + gap) + gap, MatType.CV_8UC3, Scalar.All(255));
        for (int r = 0; r < rows.Count; r++)
        {
            int y = gap + r * (tile + gap);
            Cv2.PutText(sheet, rowLabels[r], new Point(8, y + tile / 2 + 6), HersheyFonts.HersheySimplex, 0.6, Scalar.All(20), 2, LineTypes.AntiAlias);
            for (int c = 0; c < rows[r].Count; c++)
            {
                using var cell = new Mat(sheet, new Rect(labelWidth + gap + c * (tile + gap), y, tile, tile));
                Cv2.Resize(rows[r][c], cell, new Size(tile, tile), 0, 0, InterpolationFlags.Area);
            }
        }
        return sheet;
    }

    /// <summary>Row label of a NIPS class.</summary>
    public static string NipsLabel(int nips) => string.Create(CultureInfo.InvariantCulture, $"NIPS {nips}");
}
