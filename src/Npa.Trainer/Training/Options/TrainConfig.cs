using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Npa.Trainer.Training.Options;

/// <summary>One training run's settings: a JSON preset from configs/train/ plus command-line overrides.</summary>
public sealed record TrainConfig
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Preset name, for reports.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Seed of weights, shuffling, augmentation, split and noise.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Intra-op threads for libtorch; 0 leaves libtorch's default.</summary>
    public int Threads { get; init; }

    /// <summary><c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Data section.</summary>
    public DataOptions Data { get; init; } = new();

    /// <summary>Model section.</summary>
    public ModelOptions Model { get; init; } = new();

    /// <summary>Optimizer section.</summary>
    public OptimOptions Optim { get; init; } = new();

    /// <summary>Loss section.</summary>
    public LossOptions Loss { get; init; } = new();

    /// <summary>EMA teacher section.</summary>
    public EmaOptions Ema { get; init; } = new();

    /// <summary>Label rectifier section.</summary>
    public RelabelOptions Relabel { get; init; } = new();

    /// <summary>Reads a JSON preset; unknown keys and bad values are errors with the key's name.</summary>
    public static TrainConfig Load(string path)
    {
        if (!File.Exists(path)) throw new TrainConfigException($"training config not found: {path}");
        TrainConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<TrainConfig>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new TrainConfigException($"cannot read training config {path}: {e.Message}", e);
        }
        if (config is null) throw new TrainConfigException($"training config {path} is empty");
        config.Validate(path);
        return config;
    }

    /// <summary>Checks every section; throws one exception listing all problems.</summary>
    public void Validate(string source = "config")
    {
        var errors = new OptionErrors();
        errors.Require(Threads >= 0, "threads", $"must be >= 0, got {Threads}");
        errors.Require(Device is "cpu" or "cuda", "device", $"must be cpu or cuda, got '{Device}'");
        Data.Validate(errors);
        Model.Validate(errors);
        Optim.Validate(errors);
        Loss.Validate(errors);
        Ema.Validate(errors);
        Relabel.Validate(errors);
        errors.Require(!Loss.IsCoTeaching || Model.IsSiamese, "loss.objective", "co_teaching exchanges samples between two branches: set model.branch_b");
        errors.Require(!Loss.IsCoDivide || Model.IsSiamese, "loss.alpha_supervision", "co_divide crosses two branches: set model.branch_b");
        errors.Require(!(Relabel.Enabled && Relabel.IsNoisePosterior) || Data.EffectiveNoiseRate > 0, "relabel.rule",
            "noise_posterior weighs the labels against the share believed wrong: set data.assumed_noise_rate (or inject noise)");
        errors.Require(!Model.IsNoiseAwareTemperatureFit || Data.EffectiveNoiseRate > 0, "model.temperature_fit",
            "noise_aware needs the share of labels believed wrong: set data.assumed_noise_rate (or inject noise)");
        errors.Require(!Relabel.CandidatesFromCoDivide || Loss.IsCoDivide, "relabel.candidates",
            "co_divide candidates come from the loss mixtures of loss.alpha_supervision = co_divide");
        bool mlnet = Model.PretrainedA == "mlnet_resnet18" || Model.PretrainedB == "mlnet_resnet18";
        errors.Require(!mlnet || Data.Normalization == "mlnet_resnet18", "data.normalization",
            "the mlnet_resnet18 weights expect BGR 0–255 minus channel means: set it to mlnet_resnet18");
        errors.ThrowIfAny(source);
    }

    /// <summary>The config as indented JSON (written beside every run).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Short sha256 of the JSON, recorded in metrics and the model manifest.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())))[..16];
}
