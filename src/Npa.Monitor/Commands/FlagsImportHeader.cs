using Npa.Shared.Datasets;

namespace Npa.Monitor.Commands;

/// <summary>Where the columns the import reads sit in an annotator CSV's header.</summary>
/// <param name="Count">Number of columns.</param>
/// <param name="Path">Index of <c>path</c>.</param>
/// <param name="Label">Index of <c>label</c>.</param>
/// <param name="Id">Index of <c>id</c>.</param>
/// <param name="Annotator">Index of <c>annotator</c>, which may be left out when <c>--annotator</c> is given.</param>
internal sealed record FlagsImportHeader(int Count, int Path, int Label, int Id, int? Annotator)
{
    /// <summary>The header's indexes, or null after adding each problem with it to <paramref name="problems"/>.</summary>
    public static FlagsImportHeader? Parse(string file, IReadOnlyList<string> names, List<FlagsImportProblem> problems)
    {
        int before = problems.Count;
        void Bad(string? column, string reason) => problems.Add(new FlagsImportProblem(file, 1, null, column, null, reason));

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i].Trim();
            if (name.Length == 0) Bad(null, $"column {i + 1} has no name");
            else if (!index.TryAdd(name, i)) Bad(name, "appears twice");
        }
        int Required(string name)
        {
            if (index.TryGetValue(name, out int i)) return i;
            Bad(name, "is missing; expected the manifest written by 'flags export' (path,label,…,id,…,annotator)");
            return -1;
        }
        int path = Required(DatasetManifestColumns.Path), label = Required(DatasetManifestColumns.Label), id = Required(FlagsManifestColumns.Id);
        int? annotator = index.TryGetValue(FlagsManifestColumns.Annotator, out int a) ? a : null;
        return problems.Count == before ? new FlagsImportHeader(names.Count, path, label, id, annotator) : null;
    }
}
