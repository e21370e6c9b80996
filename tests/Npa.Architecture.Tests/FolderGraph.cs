using System.Reflection;
using NetArchTest.Rules;

namespace Npa.Architecture.Tests;

/// <summary>Folder-level dependency graph of one room (folder = first namespace segment under the room), with its cycles.</summary>
internal sealed class FolderGraph
{
    private readonly SortedDictionary<string, SortedSet<string>> _edges = new(StringComparer.Ordinal);

    private FolderGraph(string room)
    {
        Room = room;
    }

    public string Room { get; }

    public IReadOnlyDictionary<string, SortedSet<string>> Edges => _edges;

    /// <summary>Builds the graph from NetArchTest's type dependencies; types directly in the room namespace (Program) are not a folder.</summary>
    public static FolderGraph Build(Assembly assembly, string room)
    {
        var graph = new FolderGraph(room);
        var folders = assembly.GetTypes()
            .Select(t => FolderOf(room, t.Namespace))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var from in folders)
        {
            graph._edges[from] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var to in folders.Where(f => f != from))
            {
                var dependents = Types.InAssembly(assembly)
                    .That().ResideInNamespace($"{room}.{from}")
                    .And().HaveDependencyOnAny($"{room}.{to}")
                    .GetTypes();
                if (dependents.Any())
                {
                    graph._edges[from].Add(to);
                }
            }
        }

        return graph;
    }

    /// <summary>A graph from explicit edges, so that the cycle finder can be checked against a hand-drawn graph.</summary>
    public static FolderGraph FromEdges(string room, IEnumerable<(string From, string To)> edges)
    {
        var graph = new FolderGraph(room);
        foreach (var (from, to) in edges)
        {
            graph.Add(from).Add(to);
            graph.Add(to);
        }

        return graph;
    }

    public static string? FolderOf(string room, string? ns)
    {
        if (ns is null || !ns.StartsWith(room + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[(room.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private SortedSet<string> Add(string folder)
    {
        if (!_edges.TryGetValue(folder, out var targets))
        {
            targets = new SortedSet<string>(StringComparer.Ordinal);
            _edges[folder] = targets;
        }

        return targets;
    }

    /// <summary>Every edge that lies on some cycle, written "From→To": the edges inside a strongly connected component of two or more folders.</summary>
    public IReadOnlySet<string> CyclicEdges()
    {
        var component = StronglyConnectedComponents();
        var cyclic = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (from, targets) in _edges)
        {
            foreach (var to in targets.Where(t => component[t] == component[from]))
            {
                cyclic.Add($"{from}→{to}");
            }
        }

        return cyclic;
    }

    // Tarjan's algorithm; the graph has a few dozen nodes, so recursion depth is no concern.
    private Dictionary<string, int> StronglyConnectedComponents()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var component = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in _edges[v])
            {
                if (!index.TryGetValue(w, out var wIndex))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }

            if (low[v] == index[v])
            {
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component[w] = index[v];
                }
                while (w != v);
            }
        }

        foreach (var v in _edges.Keys.Where(v => !index.ContainsKey(v)))
        {
            Visit(v);
        }

        return component;
    }
}
