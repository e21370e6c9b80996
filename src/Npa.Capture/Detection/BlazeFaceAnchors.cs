namespace Npa.Capture.Detection;

/// <summary>
/// MediaPipe SSD anchors of the front 128×128 BlazeFace model: strides 8, 16, 16, 16 with two anchors per layer and
/// location, layers of equal stride merged: 16×16×2 + 8×8×6 = 896 unit-size anchors, centres in [0, 1].
/// </summary>
public static class BlazeFaceAnchors
{
    public const int InputSize = 128;

    private static readonly int[] Strides = [8, 16, 16, 16];

    /// <summary>Anchor centres (x, y) in model order: for each stride group, row-major cells, then anchors within a cell.</summary>
    public static (float X, float Y)[] Generate()
    {
        var anchors = new List<(float X, float Y)>(896);
        int layer = 0;
        while (layer < Strides.Length)
        {
            int stride = Strides[layer];
            int perCell = 0;
            while (layer < Strides.Length && Strides[layer] == stride)
            {
                perCell += 2; // aspect ratio 1.0 plus the interpolated scale, both unit size (fixed_anchor_size).
                layer++;
            }

            int cells = InputSize / stride;
            for (int y = 0; y < cells; y++)
            {
                for (int x = 0; x < cells; x++)
                {
                    for (int a = 0; a < perCell; a++)
                    {
                        anchors.Add(((x + 0.5f) / cells, (y + 0.5f) / cells));
                    }
                }
            }
        }

        return anchors.ToArray();
    }
}
