using System.Reflection;

namespace Npa.Architecture.Tests;

/// <summary>The four rooms of docs/ARCHITECTURE.md, each found through a type that lives in it.</summary>
internal static class Rooms
{
    public const string SharedNamespace = "Npa.Shared";
    public const string CaptureNamespace = "Npa.Capture";
    public const string MonitorNamespace = "Npa.Monitor";
    public const string TrainerNamespace = "Npa.Trainer";

    public static Assembly Shared { get; } = typeof(Npa.Shared.Packaging.ModelPackageFiles).Assembly;

    public static Assembly Capture { get; } = typeof(Npa.Capture.Frames.Frame).Assembly;

    // The Exe rooms have no public anchor type that is stable across features, so they are found by assembly name.
    public static Assembly Monitor { get; } = Assembly.Load("npa-monitor");

    public static Assembly Trainer { get; } = Assembly.Load("npa-train");
}
