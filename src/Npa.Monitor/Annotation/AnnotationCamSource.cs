namespace Npa.Monitor.Annotation;

/// <summary>The CAM drawer of this annotate server, or none (started without <c>--model</c>); owns and disposes it.</summary>
public sealed class AnnotationCamSource(AnnotationCams? cams) : IDisposable
{
    /// <summary>The drawer, or null.</summary>
    public AnnotationCams? Cams { get; } = cams;

    /// <inheritdoc />
    public void Dispose() => Cams?.Dispose();
}
