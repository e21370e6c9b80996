using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npa.Monitor.Storage;
using CaptureOptions = Npa.Capture.Configuration.CaptureOptions;
using CaptureOptionsValidator = Npa.Capture.Configuration.CaptureOptionsValidator;

namespace Npa.Monitor.Configuration;

/// <summary>Binds every config section strictly (unknown keys are errors) and validates it when the host starts.</summary>
public static class MonitorOptionsRegistration
{
    /// <summary>Top-level sections the monitor understands.</summary>
    public static readonly IReadOnlyList<string> KnownSections =
        ["Beds", "Capture", "Inference", "Mqtt", "HomeAssistant", "Alerts", "Flagging", "Storage", "Web", "Logging"];

    /// <summary>Registers the monitor's options sections with strict binding and start-time validation (Mqtt comes with <c>AddMonitorMqtt</c>).</summary>
    public static IServiceCollection AddMonitorOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSection<BedsOptions, BedsOptionsValidator>(configuration, BedsOptions.Section);
        services.AddSection<CaptureOptions, CaptureOptionsValidator>(configuration, CaptureOptions.SectionName);
        services.AddSection<InferenceOptions, InferenceOptionsValidator>(configuration, InferenceOptions.Section);
        services.AddSection<AlertsOptions, AlertsOptionsValidator>(configuration, AlertsOptions.Section);
        services.AddSection<FlaggingOptions, FlaggingOptionsValidator>(configuration, FlaggingOptions.Section);
        services.AddSection<StorageOptions, StorageOptionsValidator>(configuration, StorageOptions.Section);
        services.AddSingleton<IOptions<FlaggedStoreOptions>>(sp =>
        {
            var store = FlaggedStoreOptions.From(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<IOptions<FlaggingOptions>>().Value);
            // The monitor opens its store before any bed runs, so every leftover is a crash's and goes at once.
            store.SweepLeftoversOlderThan = TimeSpan.Zero;
            return Options.Create(store);
        });
        services.AddSection<WebOptions, WebOptionsValidator>(configuration, WebOptions.Section);
        return services;
    }

    /// <summary>Registers one section: strict bind, its validator, and validation at start.</summary>
    public static IServiceCollection AddSection<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TOptions>()
            .Configure(o => BindStrict(configuration.GetSection(section), o))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services;
    }

    /// <summary>Fails with every top-level key that is not a known section (a misspelt section would otherwise be ignored silently).</summary>
    public static void ThrowOnUnknownSections(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var unknown = configuration.GetChildren()
            .Select(c => c.Key)
            .Where(k => !KnownSections.Contains(k, StringComparer.OrdinalIgnoreCase))
            .Select(k => $"{k}: is not a known section; use one of {string.Join(", ", KnownSections)}")
            .ToList();
        if (unknown.Count > 0) throw new OptionsValidationException(Options.DefaultName, typeof(IConfiguration), unknown);
    }

    private static void BindStrict<TOptions>(IConfigurationSection section, TOptions options)
        where TOptions : class
    {
        var unknown = UnknownKeys.Find(section, typeof(TOptions));
        if (unknown.Count > 0) throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), unknown);
        try
        {
            section.Bind(options, b => b.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            string detail = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), [$"{section.Path}: {detail}"]);
        }
    }
}
