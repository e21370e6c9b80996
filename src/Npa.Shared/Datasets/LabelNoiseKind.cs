namespace Npa.Shared.Datasets;

/// <summary>How a chosen label is changed.</summary>
public enum LabelNoiseKind
{
    /// <summary>The paper's Eq. 9: ŷ = y ± ε, ε uniform in {1,2,3}, kept in range (nearby NIPS scores, as raters err).</summary>
    Adjacent,

    /// <summary>A uniformly drawn different class.</summary>
    Symmetric,
}
