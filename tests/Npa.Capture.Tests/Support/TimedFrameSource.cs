using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Npa.Capture.Frames;
using OpenCvSharp;

namespace Npa.Capture.Tests.Support;

/// <summary>A virtual-time camera: frame i (1-based) is made by <c>make(i)</c> and arrives at i × period on its own clock.</summary>
internal sealed class TimedFrameSource(string bedId, HistoricalScheduler scheduler, int count, TimeSpan period, Func<int, Mat> make) : IFrameSource
{
    public string BedId => bedId;

    public List<Frame> Produced { get; } = [];

    public IObservable<CameraStatus> Status => Observable.Never<CameraStatus>();

    public IObservable<Frame> Frames => Observable.Create<Frame>(observer =>
    {
        DateTimeOffset start = scheduler.Now;
        var schedules = new List<IDisposable>();
        for (int i = 1; i <= count; i++)
        {
            int seq = i;
            schedules.Add(scheduler.ScheduleAbsolute(start + (period * seq), () =>
            {
                var frame = new Frame(bedId, seq, scheduler.Now, make(seq));
                Produced.Add(frame);
                observer.OnNext(frame);
                if (seq == count)
                {
                    observer.OnCompleted();
                }
            }));
        }

        return () => schedules.ForEach(s => s.Dispose());
    });

    /// <summary>Mid-grey noise: sharp and well exposed.</summary>
    public static Mat Textured(int width, int height, Mat? into = null)
    {
        Mat image = into ?? new Mat(height, width, MatType.CV_8UC3);
        Cv2.Randu(image, Scalar.All(40), Scalar.All(200));
        return image;
    }
}
