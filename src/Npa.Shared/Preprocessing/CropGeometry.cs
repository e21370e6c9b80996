namespace Npa.Shared.Preprocessing;

/// <summary>Where an image goes through preprocessing: the size to resize it to, then the square to crop from that.</summary>
/// <param name="ResizedWidth">Width after resizing the shorter side.</param>
/// <param name="ResizedHeight">Height after resizing the shorter side.</param>
/// <param name="CropX">Left edge of the centre crop in the resized image.</param>
/// <param name="CropY">Top edge of the centre crop in the resized image.</param>
/// <param name="CropSize">Side of the square crop.</param>
public readonly record struct CropGeometry(int ResizedWidth, int ResizedHeight, int CropX, int CropY, int CropSize);
