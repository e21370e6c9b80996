using Npa.Capture.Detection;

namespace Npa.Capture.Tests.Detection;

public sealed class BlazeFaceDecoder_Tests
{
    [Fact]
    public void Anchors_Follow_The_MediaPipe_Front_Scheme()
    {
        (float X, float Y)[] anchors = BlazeFaceAnchors.Generate();

        Assert.Equal(896, anchors.Length);
        Assert.Equal((0.5f / 16, 0.5f / 16), anchors[0]);
        Assert.Equal(anchors[0], anchors[1]);                // 2 anchors per cell at stride 8
        Assert.Equal((1.5f / 16, 0.5f / 16), anchors[2]);
        Assert.Equal((15.5f / 16, 15.5f / 16), anchors[511]);
        Assert.Equal((0.5f / 8, 0.5f / 8), anchors[512]);    // stride 16: 6 anchors per cell
        Assert.Equal(anchors[512], anchors[517]);
        Assert.Equal((1.5f / 8, 0.5f / 8), anchors[518]);
        Assert.Equal((7.5f / 8, 7.5f / 8), anchors[895]);
    }

    [Fact]
    public void A_Confident_Anchor_Decodes_To_A_Box_Around_Its_Centre_And_Weak_Ones_Are_Dropped()
    {
        var decoder = new BlazeFaceDecoder(0.75, 0.3);
        float[] scores = Enumerable.Repeat(-10f, 896).ToArray();
        float[] boxes = new float[896 * 16];
        int i = 512 + (6 * 17); // stride-16 anchor of cell 17 (row 2, col 1): centre (24, 40) px
        scores[i] = 3f;
        boxes[(i * 16) + 0] = 2f;   // dx px
        boxes[(i * 16) + 1] = -4f;  // dy px
        boxes[(i * 16) + 2] = 30f;  // w px
        boxes[(i * 16) + 3] = 36f;  // h px
        boxes[(i * 16) + 4] = -5f;  // right eye dx
        scores[10] = 1f;            // sigmoid 0.73 < 0.75

        FaceDetection face = Assert.Single(decoder.Decode(scores, boxes));

        Assert.Equal(1 / (1 + Math.Exp(-3)), face.Score, 6);
        Assert.Equal(24 + 2 - 15, face.Box.X, 4);
        Assert.Equal(40 - 4 - 18, face.Box.Y, 4);
        Assert.Equal(30, face.Box.Width, 4);
        Assert.Equal(36, face.Box.Height, 4);
        Assert.Equal(19, face.Keypoints[0].X, 4);
        Assert.Equal(40, face.Keypoints[0].Y, 4);
    }

    [Fact]
    public void Overlapping_Candidates_Blend_Into_One_Weighted_By_Score()
    {
        var decoder = new BlazeFaceDecoder(0.5, 0.3);
        float[] scores = Enumerable.Repeat(-10f, 896).ToArray();
        float[] boxes = new float[896 * 16];
        // Anchors 512 and 513 share the centre (8, 8) px; boxes 40 px wide, offset by 0 and +4 px.
        foreach ((int index, float dx, float logit) in new[] { (512, 0f, 2f), (513, 4f, 0f) })
        {
            scores[index] = logit;
            boxes[(index * 16) + 0] = dx;
            boxes[(index * 16) + 2] = 40f;
            boxes[(index * 16) + 3] = 40f;
        }

        FaceDetection face = Assert.Single(decoder.Decode(scores, boxes));

        double w1 = 1 / (1 + Math.Exp(-2)), w2 = 0.5;
        Assert.Equal(w1, face.Score, 6);
        Assert.Equal(8 - 20 + (4 * w2 / (w1 + w2)), face.Box.X, 4);
    }

    [Fact]
    public void Wrong_Output_Sizes_Give_A_Clear_Error()
    {
        var decoder = new BlazeFaceDecoder(0.75, 0.3);

        var ex = Assert.Throws<ArgumentException>(() => decoder.Decode(new float[10], new float[10]));

        Assert.Contains("BlazeFace outputs must be 896 scores", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Model_Names_The_Path_And_The_Setup_Command()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => new BlazeFaceDetector(new BlazeFaceOptions { ModelPath = "/nonexistent/blazeface.onnx" }));

        Assert.Contains("'/nonexistent/blazeface.onnx'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("./npa setup", ex.Message, StringComparison.Ordinal);
    }
}
