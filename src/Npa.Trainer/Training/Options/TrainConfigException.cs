namespace Npa.Trainer.Training.Options;

/// <summary>A training config or command-line option that cannot be used; the message says which and why.</summary>
public sealed class TrainConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainConfigException() { }

    /// <summary>Creates the exception with a readable message.</summary>
    public TrainConfigException(string message) : base(message) { }

    /// <summary>Creates the exception with a readable message and its cause.</summary>
    public TrainConfigException(string message, Exception inner) : base(message, inner) { }
}
