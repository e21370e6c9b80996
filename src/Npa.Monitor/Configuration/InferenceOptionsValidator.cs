using Microsoft.Extensions.Options;

namespace Npa.Monitor.Configuration;

/// <summary>Bounds of <see cref="InferenceOptions"/>. Whether the package itself is valid is checked when it loads.</summary>
internal sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors();
        const string s = InferenceOptions.Section;
        if (string.IsNullOrWhiteSpace(options.ModelPath)) errors.Add($"{s}:ModelPath", "is required");
        if (!Enum.IsDefined(options.ExecutionProvider))
            errors.Add($"{s}:ExecutionProvider", $"'{options.ExecutionProvider}' is unknown; use Auto, Cuda or Cpu");
        errors.Range($"{s}:Threads", options.Threads, 0, 64);
        errors.Range($"{s}:MaxBatchSize", options.MaxBatchSize, 1, 64);
        errors.Range($"{s}:MaxBatchWaitMs", options.MaxBatchWaitMs, 0, 1000);
        errors.Range($"{s}:QueueCapacity", options.QueueCapacity, 1, 1024);
        errors.Range($"{s}:SwapDebounceMs", options.SwapDebounceMs, 50, 60000);
        if (options.QueueCapacity < options.MaxBatchSize)
            errors.Add($"{s}:QueueCapacity", $"({options.QueueCapacity}) must be at least {s}:MaxBatchSize ({options.MaxBatchSize})");
        return errors.Result();
    }
}
