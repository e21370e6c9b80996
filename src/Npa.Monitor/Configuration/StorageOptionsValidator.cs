using Microsoft.Extensions.Options;

namespace Npa.Monitor.Configuration;

/// <summary>Bounds of <see cref="StorageOptions"/>.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors();
        const string s = StorageOptions.Section;
        if (string.IsNullOrWhiteSpace(options.DataDirectory)) errors.Add($"{s}:DataDirectory", "is required");
        errors.Range($"{s}:RetentionDays", options.RetentionDays, 1, 3650);
        errors.Range($"{s}:QuotaMegabytes", options.QuotaMegabytes, 1, 1048576);
        if (options.EncryptCrops && string.IsNullOrWhiteSpace(options.CropKeyRing))
            errors.Add($"{s}:CropKeyRing", $"is required when {s}:EncryptCrops is true (a folder of 0600 key files)");
        return errors.Result();
    }
}
