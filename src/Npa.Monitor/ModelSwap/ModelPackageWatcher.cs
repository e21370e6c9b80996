using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Reactive;
using Microsoft.Extensions.Logging;

namespace Npa.Monitor.ModelSwap;

/// <summary>
/// Watches the model package path; after the files have been quiet for the debounce time it loads the package
/// through the factory (which validates it) and offers it to the holder. An invalid package is refused with a log
/// line and the old model keeps serving.
/// </summary>
public sealed class ModelPackageWatcher : IDisposable
{
    private readonly string _path;
    private readonly IInferenceEngineFactory _factory;
    private readonly ModelHolder _holder;
    private readonly ILogger _logger;
    private readonly Subject<Unit> _changes = new();
    private readonly Subject<ModelReload> _reloads = new();
    private readonly IDisposable _subscription;
    private FileSystemWatcher? _watcher;
    private bool _disposed;

    public ModelPackageWatcher(string packagePath, IInferenceEngineFactory factory, ModelHolder holder, TimeSpan debounce, IScheduler scheduler, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packagePath);
        _path = Path.GetFullPath(packagePath).TrimEnd(Path.DirectorySeparatorChar);
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _holder = holder ?? throw new ArgumentNullException(nameof(holder));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _subscription = _changes.Throttle(debounce, scheduler).Subscribe(_ => Reload());
    }

    /// <summary>Every reload attempt and its outcome.</summary>
    public IObservable<ModelReload> Reloads => _reloads;

    /// <summary>Starts watching the file system (the package folder or .zip, and its replacement by rename).</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        string parent = Path.GetDirectoryName(_path) ?? throw new InvalidOperationException($"model path '{_path}' has no parent folder");
        Directory.CreateDirectory(parent);
        _watcher = new FileSystemWatcher(parent)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnFileEvent;
        _watcher.Created += OnFileEvent;
        _watcher.Deleted += OnFileEvent;
        _watcher.Renamed += OnFileEvent;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Reports a change of the package (what the file watcher calls); the reload follows after the debounce.</summary>
    public void NotifyChanged()
    {
        if (!_disposed) _changes.OnNext(Unit.Default);
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        if (Touches(e.FullPath) || (e is RenamedEventArgs r && Touches(r.OldFullPath))) NotifyChanged();
    }

    private bool Touches(string fullPath) =>
        fullPath == _path || fullPath.StartsWith(_path + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private void Reload()
    {
        if (_disposed) return;
        string serving = _holder.ModelId;
        try
        {
            var engine = _factory.Load(_path);
            if (engine.ModelId == serving)
            {
                engine.Dispose();
                Report(new ModelReload(false, serving, $"model package {_path} changed but still holds {serving}; nothing to swap"), LogLevel.Information);
                return;
            }
            _holder.Offer(engine);
            Report(new ModelReload(true, engine.ModelId, $"model package {_path} validated: swapping {serving} for {engine.ModelId} at the next batch"), LogLevel.Information);
        }
#pragma warning disable CA1031 // Any failure to load means "refuse and keep serving"; the reason goes to the log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Report(new ModelReload(false, null, $"model package {_path} refused: {ex.Message}; still serving {serving}"), LogLevel.Error);
        }
    }

    private void Report(ModelReload reload, LogLevel level)
    {
        _logger.Log(level, "{Message}", reload.Message);
        _reloads.OnNext(reload);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _watcher?.Dispose();
        _subscription.Dispose();
        _changes.Dispose();
        _reloads.OnCompleted();
        _reloads.Dispose();
    }
}
