using Microsoft.Extensions.Options;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Configuration;

/// <summary>Validates <see cref="StorageOptions"/> through the store's own validator.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private readonly FlaggedStoreOptionsValidator _flagged = new();

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Flagged is null
            ? ValidateOptionsResult.Fail("Storage:Flagged: is required")
            : _flagged.Validate(name, options.Flagged);
    }
}
