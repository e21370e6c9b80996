using Npa.Shared.Nips;

namespace Npa.Monitor.Configuration;

/// <summary>The <c>Alerts</c> section: smoothing, face states and the pain-episode state machine.</summary>
public sealed class AlertsOptions
{
    /// <summary>Config section name.</summary>
    public const string Section = "Alerts";

    /// <summary><c>Ema</c> or <c>Median</c>.</summary>
    public SmoothingMethod Smoothing { get; set; } = SmoothingMethod.Ema;

    /// <summary>EMA half-life, 0.1–600 s.</summary>
    public double EmaHalfLifeSeconds { get; set; } = 2;

    /// <summary>Median window in assessments, 1–301, odd.</summary>
    public int MedianWindow { get; set; } = 9;

    /// <summary>
    /// Smoothed score (0–7) at or above which a pain episode may start. Default 3: the lower edge of the NIPS
    /// mild-to-moderate band (bands: 0–2 no pain, 3–4 mild to moderate, ≥ 5 severe).
    /// </summary>
    public double StartScore { get; set; } = NipsScale.MildThreshold;

    /// <summary>
    /// Smoothed score (0–7) at or below which an episode may end; below <see cref="StartScore"/> (hysteresis). Default 2:
    /// the top of the no-pain band.
    /// </summary>
    public double EndScore { get; set; } = NipsScale.MildThreshold - 1;

    /// <summary>How long the score must stay at or above <see cref="StartScore"/> before <c>start</c>, 0–600 s.</summary>
    public double SustainSeconds { get; set; } = 3;

    /// <summary>How long the score must stay at or below <see cref="EndScore"/> before <c>end</c>, 0–600 s.</summary>
    public double EndSustainSeconds { get; set; } = 5;

    /// <summary>After an <c>end</c>, no new episode starts for this long, 0–3600 s.</summary>
    public double CooldownSeconds { get; set; } = 10;

    /// <summary>While an episode runs, an <c>update</c> is sent at least this often and whenever its category rises, 1–3600 s.</summary>
    public double UpdateIntervalSeconds { get; set; } = 10;

    /// <summary>Without an assessable face for this long the bed shows no face / low quality and smoothing restarts, 0.5–600 s.</summary>
    public double NoFaceAfterSeconds { get; set; } = 3;

    /// <summary>
    /// Assessments less confident than this (largest fused probability, 0–1) neither move the bed's score nor its alerts:
    /// the model says it cannot read the face (a mask, a hand, an unusual pose), and its spread-out guess would drift
    /// the score to the middle of the scale. They are handled like a short loss of the face, and after
    /// <see cref="NoFaceAfterSeconds"/> the bed shows the face as unreadable. The same default as
    /// Flagging:LowConfidenceThreshold, so every frame that stops the score is also sent for relabelling. 0 scores every frame.
    /// </summary>
    public double MinConfidence { get; set; } = 0.4;

    /// <summary>
    /// Assessments whose predictive standard deviation of the score, √(Σ p_k·(k − E)²) in NIPS points, is above this are
    /// handled as <see cref="MinConfidence"/> describes. The top probability alone misses an ordinal model's doubt: a
    /// covered mouth leaves it guessing across the scale, which shows as spread, not always as a low maximum.
    /// 0.1–3.5 NIPS points; 3.5 (the largest possible spread) turns the check off.
    /// </summary>
    public double MaxScoreSpread { get; set; } = 1.1;

    /// <summary>An episode without any assessment for this long ends with reason <c>signal_lost</c>; at least <see cref="NoFaceAfterSeconds"/>, up to 3600 s.</summary>
    public double SignalLostEndSeconds { get; set; } = 30;
}
