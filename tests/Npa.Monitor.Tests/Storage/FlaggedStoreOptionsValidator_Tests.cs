using Microsoft.Extensions.Options;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Tests.Storage;

/// <summary>Store options fail at start with messages that name the key.</summary>
public sealed class FlaggedStoreOptionsValidator_Tests
{
    [Fact]
    public void Defaults_Are_Valid() =>
        Assert.Equal(ValidateOptionsResult.Success, new FlaggedStoreOptionsValidator().Validate(null, new FlaggedStoreOptions()));

    [Fact]
    public void Each_Bad_Value_Is_Named()
    {
        var result = new FlaggedStoreOptionsValidator().Validate(null, new FlaggedStoreOptions
        {
            Folder = " ", MinIntervalPerBed = TimeSpan.FromSeconds(-1), RetentionDays = 0, QuotaBytes = 10,
        });
        Assert.True(result.Failed);
        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains("Storage:Flagged:Folder is empty", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Storage:Flagged:MinIntervalPerBed", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Storage:Flagged:RetentionDays is 0", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Storage:Flagged:QuotaBytes is 10", result.FailureMessage, StringComparison.Ordinal);
    }
}
