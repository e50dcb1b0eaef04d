using MathNet.Numerics.Distributions;
using TrialAccess.Recruitment.Metrics;
using static TrialAccess.Recruitment.Tests.StudyBuilder;

namespace TrialAccess.Recruitment.Tests.Metrics;

public class RecruitmentProjectionTests
{
    private static readonly DateOnly AsOf = D("2024-07-01");

    [Fact]
    public void EstimatePrior_ThreeSites_MatchesTheMethodOfMoments()
    {
        // Rates 0.1, 0.2, 0.6 a day over 100 days each: m = 90/300 = 0.3;
        // s² = (100 (0.04 + 0.01 + 0.09) - 2 x 0.3) / (300 - 30000/300) = 13.4 / 200 = 0.067;
        // α = 0.09 / 0.067 = 1.34328, β = α / 0.3 = 4.47761.
        var prior = RecruitmentProjection.EstimatePrior([new("A", 10, 100, true), new("B", 20, 100, true), new("C", 60, 100, true)]);

        prior.Should().NotBeNull();
        prior!.Value.Shape.Should().BeApproximately(1.34328, 1e-5);
        prior.Value.Rate.Should().BeApproximately(4.47761, 1e-5);
    }

    [Fact]
    public void EstimatePrior_NoSpreadBeyondPoissonNoise_GivesNone()
    {
        RecruitmentProjection.EstimatePrior([new("A", 10, 100, true), new("B", 10, 100, true), new("C", 11, 100, true)]).Should().BeNull();
        RecruitmentProjection.EstimatePrior([new("A", 10, 100, true), new("B", 30, 100, true)]).Should().BeNull("two sites are too few to estimate a spread");
    }

    [Fact]
    public void Project_OneSite_MatchesTheExactDistribution()
    {
        // One site, 100 recruited in 200 days, 50 still needed, Jeffreys prior: λ ~ Gamma(100.5, 200) and T | λ ~ Gamma(50, λ),
        // so T = 200 (50 / 100.5) F where F ~ F(100, 201). The simulated quantiles must agree with the exact ones.
        var projection = RecruitmentProjection.Project(150, 100, null, [new SiteExposure("A", 100, 200, true)], AsOf, D("2024-12-31"));

        projection.Kind.Should().Be(ProjectionKind.Projected);
        projection.PriorShape.Should().BeNull("one site: no spread to estimate");
        double Exact(double p) => 200 * (50 / 100.5) * FisherSnedecor.InvCDF(100, 201, p);
        Days(projection.Median).Should().BeInRange((int)(Exact(0.5) * 0.97), (int)Math.Ceiling(Exact(0.5) * 1.03) + 1);
        Days(projection.Lower).Should().BeInRange((int)(Exact(0.025) * 0.95), (int)Math.Ceiling(Exact(0.025) * 1.05) + 1);
        Days(projection.Upper).Should().BeInRange((int)(Exact(0.975) * 0.95), (int)Math.Ceiling(Exact(0.975) * 1.05) + 1);
        var byEnd = D("2024-12-31").DayNumber - AsOf.DayNumber;
        projection.ProbabilityByTargetEnd.Should().BeApproximately(new FisherSnedecor(100, 201).CumulativeDistribution(byEnd / (200 * (50 / 100.5))), 0.03);
    }

    [Fact]
    public void Project_FewerDataSameRate_GivesAWiderInterval()
    {
        var many = RecruitmentProjection.Project(150, 100, null, [new SiteExposure("A", 100, 200, true)], AsOf, D("2024-12-31"));
        var few = RecruitmentProjection.Project(60, 10, null, [new SiteExposure("A", 10, 20, true)], AsOf, D("2024-12-31"));

        Days(many.Median).Should().BeCloseTo(Days(few.Median), 10, "both need 50 more at half a participant a day");
        (Days(few.Upper) - Days(few.Lower)).Should().BeGreaterThan(2 * (Days(many.Upper) - Days(many.Lower)));
    }

    [Fact]
    public void Project_SameData_GivesTheSameDates()
    {
        IReadOnlyList<SiteExposure> sites = [new("A", 10, 100, true), new("B", 20, 100, true), new("C", 60, 100, true)];

        RecruitmentProjection.Project(200, 90, null, sites, AsOf, D("2025-06-30"))
            .Should().Be(RecruitmentProjection.Project(200, 90, null, sites, AsOf, D("2025-06-30")));
    }

    [Fact]
    public void Project_ClosedAndUnopenedSites_AddNothingToTheFuture()
    {
        var open = RecruitmentProjection.Project(200, 90, null, [new("A", 30, 100, true), new("B", 60, 100, true)], AsOf, D("2025-06-30"));
        var oneClosed = RecruitmentProjection.Project(200, 90, null, [new("A", 30, 100, true), new("B", 60, 100, false), new("C", 0, 0, false)], AsOf, D("2025-06-30"));

        oneClosed.Median.Should().BeAfter(open.Median!.Value);
    }

    [Fact]
    public void Project_TargetReached_SaysWhen()
    {
        var projection = RecruitmentProjection.Project(50, 52, D("2024-05-03"), [new SiteExposure("A", 52, 100, true)], AsOf, D("2024-12-31"));

        projection.Kind.Should().Be(ProjectionKind.Reached);
        projection.Median.Should().Be(D("2024-05-03"));
    }

    [Theory]
    [InlineData(0, 10, true, "no target set")]
    [InlineData(50, 10, false, "no site is open to recruitment")]
    [InlineData(50, 0, true, "nobody recruited yet: no rate to project from")]
    public void Project_WithoutTheMeans_SaysWhyNot(int target, int recruited, bool open, string reason)
    {
        var projection = RecruitmentProjection.Project(target, recruited, null, [new SiteExposure("A", recruited, 100, open)], AsOf, D("2024-12-31"));

        projection.Kind.Should().Be(ProjectionKind.NotProjectable);
        projection.Reason.Should().Be(reason);
    }

    private static int Days(DateOnly? day) => day!.Value.DayNumber - AsOf.DayNumber;
}
