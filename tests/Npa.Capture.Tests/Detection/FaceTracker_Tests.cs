using Npa.Capture.Detection;
using OpenCvSharp;

namespace Npa.Capture.Tests.Detection;

public sealed class FaceTracker_Tests
{
    private static FaceDetection Face(double x, double y, double side, double score) => new(new Rect2d(x, y, side, side), score, []);

    [Fact]
    public void Most_Confident_Face_Is_Chosen()
    {
        var tracker = new FaceTracker(new TrackerOptions());

        FaceDetection? chosen = tracker.Update([Face(0, 0, 50, 0.6), Face(200, 200, 80, 0.9), Face(400, 0, 60, 0.7)]);

        Assert.Equal(0.9, chosen!.Score);
        Assert.Equal(new Rect2d(200, 200, 80, 80), chosen.Box);
    }

    [Fact]
    public void Overlapping_Faces_Move_The_Box_Part_Of_The_Way()
    {
        var tracker = new FaceTracker(new TrackerOptions { Smoothing = 0.5 });
        tracker.Update([Face(100, 100, 100, 0.9)]);

        FaceDetection? next = tracker.Update([Face(120, 100, 100, 0.9)]);

        Assert.Equal(110, next!.Box.X, 6);
        Assert.Equal(100, next.Box.Y, 6);
    }

    [Fact]
    public void Jitter_Is_Damped_Over_Frames()
    {
        var tracker = new FaceTracker(new TrackerOptions { Smoothing = 0.3 });
        var rawX = new List<double>();
        var smoothX = new List<double>();
        for (int i = 0; i < 40; i++)
        {
            double x = 100 + (i % 2 == 0 ? 6 : -6);
            rawX.Add(x);
            smoothX.Add(tracker.Update([Face(x, 100, 100, 0.9)])!.Box.X);
        }

        static double Spread(IEnumerable<double> v) => v.Skip(10).Max() - v.Skip(10).Min();
        Assert.True(Spread(smoothX) < Spread(rawX) / 2, $"smoothed spread {Spread(smoothX)} vs raw {Spread(rawX)}");
    }

    [Fact]
    public void A_Face_Elsewhere_Restarts_The_Track()
    {
        var tracker = new FaceTracker(new TrackerOptions { Smoothing = 0.5 });
        tracker.Update([Face(100, 100, 100, 0.9)]);

        FaceDetection? moved = tracker.Update([Face(400, 300, 100, 0.9)]);

        Assert.Equal(new Rect2d(400, 300, 100, 100), moved!.Box);
    }

    [Fact]
    public void No_Face_Gives_Null_And_The_Track_Is_Forgotten_After_MaxMissed()
    {
        var tracker = new FaceTracker(new TrackerOptions { MaxMissed = 2 });
        tracker.Update([Face(100, 100, 100, 0.9)]);

        Assert.Null(tracker.Update([]));
        Assert.Null(tracker.Update([]));
        Assert.NotNull(tracker.Track);
        Assert.Null(tracker.Update([]));
        Assert.Null(tracker.Track);
    }
}
