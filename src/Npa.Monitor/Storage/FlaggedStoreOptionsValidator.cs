using Microsoft.Extensions.Options;

namespace Npa.Monitor.Storage;

/// <summary>Checks <see cref="FlaggedStoreOptions"/> at start; each failure names its key.</summary>
public sealed class FlaggedStoreOptionsValidator : IValidateOptions<FlaggedStoreOptions>
{
    /// <summary>Config section the options bind from (used in messages).</summary>
    public const string Section = "Storage:Flagged";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, FlaggedStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Folder))
            errors.Add($"{Section}:Folder is empty; give the folder for flags.db and the crops");
        if (options.MinIntervalPerBed < TimeSpan.Zero || options.MinIntervalPerBed > TimeSpan.FromDays(1))
            errors.Add($"{Section}:MinIntervalPerBed is {options.MinIntervalPerBed}; it must be between 00:00:00 and 1.00:00:00");
        if (options.RetentionDays is < 1 or > 3650)
            errors.Add($"{Section}:RetentionDays is {options.RetentionDays}; it must be between 1 and 3650");
        if (options.QuotaBytes < 1L << 16)
            errors.Add($"{Section}:QuotaBytes is {options.QuotaBytes}; it must be at least 65536 (64 KiB)");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
