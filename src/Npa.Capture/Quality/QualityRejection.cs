namespace Npa.Capture.Quality;

/// <summary>A frame the quality gate refused, with every reason that applied; its pixels are already released.</summary>
public sealed record QualityRejection(string BedId, long Sequence, DateTimeOffset Timestamp, QualityReasons Reasons, QualityReport? Quality);
