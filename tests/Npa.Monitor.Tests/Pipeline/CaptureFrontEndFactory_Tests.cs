using System.Reactive.Concurrency;
using Microsoft.Extensions.Options;
using Npa.Capture.Diagnostics;
using Npa.Monitor.Pipeline;
using OpenCvSharp;
using CaptureOptions = Npa.Capture.Configuration.CaptureOptions;

namespace Npa.Monitor.Tests.Pipeline;

public class CaptureFrontEndFactory_Tests
{
    [Fact]
    public void Capture_OpenCvThreads_Sets_OpenCvs_Thread_Count_And_Zero_Leaves_It()
    {
        int before = Cv2.GetNumThreads();
        using var metrics = new CaptureMetrics();
        try
        {
            Cv2.SetNumThreads(2);
            using (var single = new CaptureFrontEndFactory(Options.Create(new CaptureOptions { OpenCvThreads = 1 }), metrics, ImmediateScheduler.Instance))
                Assert.Equal(1, single.OpenCvThreads);
            Assert.Equal(1, Cv2.GetNumThreads());

            Cv2.SetNumThreads(2);
            using var untouched = new CaptureFrontEndFactory(Options.Create(new CaptureOptions { OpenCvThreads = 0 }), metrics, ImmediateScheduler.Instance);
            Assert.Equal(2, untouched.OpenCvThreads);
        }
        finally
        {
            Cv2.SetNumThreads(before);
        }
    }
}
