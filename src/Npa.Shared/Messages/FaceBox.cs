namespace Npa.Shared.Messages;

/// <summary>The face an assessment used, in camera-frame pixels.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record FaceBox(int X, int Y, int Width, int Height);
