using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Npa.Monitor.Configuration;

/// <summary>Finds config keys that no property of the options type takes (a typo would otherwise be ignored), with their full path.</summary>
internal static class UnknownKeys
{
    public static IReadOnlyList<string> Find(IConfigurationSection section, Type type)
    {
        var found = new List<string>();
        Walk(section, type, found);
        return found;
    }

    private static void Walk(IConfigurationSection section, Type type, List<string> found)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsLeaf(type)) return;
        if (ElementType(type) is { } element)
        {
            foreach (var child in section.GetChildren()) Walk(child, element, found);
            return;
        }
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (properties.TryGetValue(child.Key, out var property)) Walk(child, property.PropertyType, found);
            else found.Add($"{child.Path}: is not a known setting; {type.Name} has {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}");
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid);

    private static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!typeof(IEnumerable).IsAssignableFrom(type)) return null;
        var generic = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return generic?.GetGenericArguments()[0];
    }
}
