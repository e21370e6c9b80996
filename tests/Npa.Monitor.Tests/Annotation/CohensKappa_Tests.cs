using Npa.Monitor.Annotation;

namespace Npa.Monitor.Tests.Annotation;

public class CohensKappa_Tests
{
    [Fact]
    public void Textbook_Two_By_Two_Table_Gives_Point_Four()
    {
        // 50 frames: both 1 on 20, A 1 / B 0 on 5, A 0 / B 1 on 10, both 0 on 15.
        // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2 / 0.5 = 0.4.
        var pairs = Enumerable.Repeat((1, 1), 20).Concat(Enumerable.Repeat((1, 0), 5))
            .Concat(Enumerable.Repeat((0, 1), 10)).Concat(Enumerable.Repeat((0, 0), 15)).ToList();

        Assert.Equal(0.4, CohensKappa.Compute(pairs)!.Value, 12);
    }

    [Fact]
    public void Five_Levels_Match_The_Hand_Computation()
    {
        int[] a = [0, 0, 1, 1, 2, 2, 3, 3, 3, 4];
        int[] b = [0, 1, 1, 1, 2, 3, 3, 3, 4, 4];
        // p_o = 7/10; p_e = (2·1 + 2·3 + 2·1 + 3·3 + 1·2)/100 = 0.21; κ = 0.49/0.79.
        Assert.Equal(0.49 / 0.79, CohensKappa.Compute([.. a.Zip(b)])!.Value, 12);
    }

    [Fact]
    public void Perfect_Agreement_Over_Several_Levels_Is_One()
    {
        Assert.Equal(1.0, CohensKappa.Compute([(0, 0), (3, 3), (7, 7)])!.Value, 12);
    }

    [Fact]
    public void No_Pairs_Or_One_Shared_Level_Throughout_Is_Undefined()
    {
        Assert.Null(CohensKappa.Compute([]));
        Assert.Null(CohensKappa.Compute([(5, 5), (5, 5)]));
    }

    [Fact]
    public void A_Level_Outside_Nips_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CohensKappa.Compute([(8, 1)]));
    }

    [Fact]
    public void Agreement_Pairs_Leave_Out_Cannot_Tell_And_Frames_Only_One_Scored()
    {
        var answers = new List<FrameAnswer>
        {
            new("f1", "ann", new AnnotationValue(3)), new("f1", "bob", new AnnotationValue(3)),
            new("f2", "ann", new AnnotationValue(5)), new("f2", "bob", new AnnotationValue(4)),
            new("f3", "ann", AnnotationValue.CannotTell), new("f3", "bob", new AnnotationValue(2)),
            new("f4", "ann", new AnnotationValue(1)),
        };

        var pair = Assert.Single(AgreementPair.From(answers));

        Assert.Equal(("ann", "bob", 2, 1), (pair.AnnotatorA, pair.AnnotatorB, pair.Frames, pair.Agreed));
        // A: 3,5; B: 3,4. p_o = 0.5; p_e = (1·1 at 3)/4 = 0.25; κ = 0.25/0.75 = 1/3.
        Assert.Equal(1.0 / 3, pair.Kappa!.Value, 12);
    }
}
