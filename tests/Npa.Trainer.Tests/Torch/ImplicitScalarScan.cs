using System.Reflection;
using System.Reflection.Emit;
using TorchSharp;

namespace Npa.Trainer.Tests.Torch;

/// <summary>
/// Reads the IL of an assembly for implicit Scalar conversions (<c>t * 0.5</c>, <c>(Scalar)1</c>) and for calls into
/// TorchSharp methods that make one inside (<c>a + b</c>, <c>add_(b)</c>, <c>1 - t</c>), found by the same reading of
/// TorchSharp, TorchVision and TorchSharp.PyBridge, followed through direct calls. Virtual calls (a module's forward, an
/// optimizer's step) cannot be followed; the GC-stress test covers those at run time.
/// </summary>
internal static class ImplicitScalarScan
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);
    private static readonly Lazy<HashSet<MethodBase>> Makers = new(FindMakers);

    /// <summary>One call site: the calling method and what it calls.</summary>
    public sealed record Finding(string Caller, string Callee, bool Implicit)
    {
        public override string ToString() => $"{Caller} → {(Implicit ? "implicit " : "inside ")}{Callee}";
    }

    /// <summary>Every call site in <paramref name="assembly"/> that hands TorchSharp a temporary Scalar.</summary>
    public static IReadOnlyList<Finding> Scan(Assembly assembly) =>
        [.. Methods(assembly).SelectMany(m => Callees(m).Where(c => IsImplicit(c) || Makers.Value.Contains(c))
            .Select(c => new Finding(Name(m), Name(c), IsImplicit(c)))).Distinct()];

    /// <summary>Every method of <paramref name="assembly"/>, compiler-generated ones (lambdas, iterators) included.</summary>
    public static IEnumerable<MethodBase> Methods(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Type[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = [.. e.Types.OfType<Type>()]; }
        return types.SelectMany(t => t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)));
    }

    /// <summary>Declaring type and name of a method, e.g. <c>Npa.Trainer.Models.MBConv::forward</c>.</summary>
    public static string Name(MethodBase method) => $"{method.DeclaringType?.FullName}::{method.Name}";

    private static bool IsImplicit(MethodBase m) => m.DeclaringType == typeof(Scalar) && m.Name == "op_Implicit";

    /// <summary>TorchSharp, TorchVision and PyBridge methods that convert to a Scalar themselves or through a direct call.</summary>
    private static HashSet<MethodBase> FindMakers()
    {
        var libraries = new[] { typeof(Scalar).Assembly, typeof(torchvision).Assembly, Assembly.Load("TorchSharp.PyBridge") };
        var calls = libraries.SelectMany(Methods).Distinct()
            .ToDictionary(m => m, m => Callees(m).ToArray());
        var makers = calls.Where(kv => kv.Value.Any(IsConversion)).Select(kv => kv.Key).ToHashSet();
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach (var (method, callees) in calls)
                if (!makers.Contains(method) && callees.Any(makers.Contains)) grew = makers.Add(method) || grew;
        }
        return makers;
    }

    private static bool IsConversion(MethodBase m) =>
        IsImplicit(m) || (m.DeclaringType == typeof(ScalarExtensionMethods) && m.Name.StartsWith("To", StringComparison.Ordinal) && m.Name.EndsWith("Scalar", StringComparison.Ordinal));

    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException) { il = null; }
        if (il is null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var op = OpCodesByValue[value];
            i += op.Size;
            if (op.OperandType == OperandType.InlineMethod)
            {
                MethodBase? callee = null;
                try { callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArgs, methodArgs); }
                catch (Exception e) when (e is ArgumentException or MissingMethodException or TypeLoadException or FileNotFoundException) { }
                if (callee is not null) yield return callee;
            }
            i += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }
}
