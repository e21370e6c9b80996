using System.Globalization;
using Microsoft.Extensions.Options;

namespace Npa.Monitor.Configuration;

/// <summary>Collects "Section:Key: reason" messages for one options validation.</summary>
internal sealed class OptionsErrors
{
    private readonly List<string> _errors = [];

    public void Add(string key, string reason) => _errors.Add($"{key}: {reason}");

    /// <summary>A message that already names its key (from another room's validator).</summary>
    public void AddNamed(string message) => _errors.Add(message);

    public void Range(string key, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
            Add(key, string.Create(CultureInfo.InvariantCulture, $"{value} is out of range; allowed {min}–{max}"));
    }

    public ValidateOptionsResult Result() =>
        _errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_errors);
}
