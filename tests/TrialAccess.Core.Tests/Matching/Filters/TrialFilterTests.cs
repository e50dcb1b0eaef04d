using TrialAccess.Matching.Filters;
using TrialAccess.Patients;
using TrialAccess.Trials;

namespace TrialAccess.Core.Tests.Matching.Filters;

public class TrialFilterTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly GeoPoint Boston = new(42.36, -71.06);
    private static readonly GeoPoint NewYork = new(40.71, -74.01);
    private static readonly GeoPoint Chicago = new(41.88, -87.63);

    private static ClinicalTrial Trial(RecruitmentStatus status = RecruitmentStatus.Recruiting, params TrialSite[] sites) => new()
    {
        NctId = NctId.Parse("NCT00000001"),
        BriefTitle = "A trial",
        OverallStatus = status,
        Phases = [TrialPhase.Phase2],
        StudyType = StudyType.Interventional,
        Eligibility = new TrialEligibility { MinimumAge = new AgeLimit(18, AgeUnit.Years), MaximumAge = new AgeLimit(65, AgeUnit.Years), Sex = EligibleSex.Female },
        Sites = sites,
    };

    private static TrialSite Site(string city, GeoPoint? point, RecruitmentStatus status = RecruitmentStatus.Recruiting) =>
        new() { Facility = $"{city} Hospital", City = city, Coordinates = point, Status = status };

    private static PatientProfile Patient(decimal? age = 50, PatientSex? sex = PatientSex.Female) => new()
    {
        Age = age is { } a ? new Fact<decimal>(a) : null,
        Sex = sex is { } s ? new Fact<PatientSex>(s) : null,
    };

    private static FilterCheck Check(FilterResult result, string filter) => result.Checks.Single(c => c.Filter == filter);

    [Fact]
    public void Apply_RecruitingTrialNearby_PassesAndReportsTheNearestRecruitingSite()
    {
        var trial = Trial(RecruitmentStatus.Recruiting, Site("Chicago", Chicago), Site("New York", NewYork), Site("Boston", Boston, RecruitmentStatus.Completed));

        var result = TrialFilter.Apply(trial, Patient(), new MatchFilters { Near = Boston, RadiusKm = 500 }, Today);

        result.Passed.Should().BeTrue();
        result.NearestSite!.Site.City.Should().Be("New York", "the Boston site has completed; only recruiting sites count");
        result.NearestSite.DistanceKm.Should().BeApproximately(306, 5);
        Check(result, "distance").Explanation.Should().Contain("306 km").And.Contain("New York Hospital");
    }

    [Fact]
    public void Apply_NearestRecruitingSiteBeyondRadius_Fails()
    {
        var result = TrialFilter.Apply(Trial(RecruitmentStatus.Recruiting, Site("Chicago", Chicago)), Patient(), new MatchFilters { Near = Boston, RadiusKm = 500 }, Today);

        result.Passed.Should().BeFalse();
        Check(result, "distance").Outcome.Should().Be(FilterOutcome.Fail);
    }

    [Fact]
    public void Apply_NoSiteCoordinates_IsUnknownAndKept()
    {
        var result = TrialFilter.Apply(Trial(RecruitmentStatus.Recruiting, Site("Lyon", null)), Patient(), new MatchFilters { Near = Boston, RadiusKm = 50 }, Today);

        result.Passed.Should().BeTrue();
        Check(result, "distance").Outcome.Should().Be(FilterOutcome.Unknown);
    }

    [Theory]
    [InlineData(RecruitmentStatus.Recruiting, false, FilterOutcome.Pass)]
    [InlineData(RecruitmentStatus.NotYetRecruiting, false, FilterOutcome.Fail)]
    [InlineData(RecruitmentStatus.NotYetRecruiting, true, FilterOutcome.Pass)]
    [InlineData(RecruitmentStatus.Completed, true, FilterOutcome.Fail)]
    [InlineData(RecruitmentStatus.NotStated, false, FilterOutcome.Unknown)]
    public void Apply_OverallStatus_RecruitingMeansRecruitingOnlyUnlessAsked(RecruitmentStatus status, bool includeNotYet, FilterOutcome expected)
    {
        var result = TrialFilter.Apply(Trial(status), Patient(), new MatchFilters { IncludeNotYetRecruiting = includeNotYet }, Today);

        Check(result, "status").Outcome.Should().Be(expected);
    }

    [Fact]
    public void Apply_RecruitingTrialWhoseSitesAllClosed_FailsTheSiteFilter()
    {
        var result = TrialFilter.Apply(Trial(RecruitmentStatus.Recruiting, Site("Boston", Boston, RecruitmentStatus.Completed)), Patient(), new MatchFilters(), Today);

        Check(result, "recruiting site").Outcome.Should().Be(FilterOutcome.Fail);
    }

    [Theory]
    [InlineData(17, FilterOutcome.Fail)]
    [InlineData(18, FilterOutcome.Pass)]
    [InlineData(65, FilterOutcome.Pass)]
    [InlineData(66, FilterOutcome.Fail)]
    public void Apply_AgeLimits_AreInclusive(int age, FilterOutcome expected)
    {
        Check(TrialFilter.Apply(Trial(), Patient(age), new MatchFilters(), Today), "age").Outcome.Should().Be(expected);
    }

    [Fact]
    public void Apply_AgeFromBirthDate_UsesTheInjectedDay()
    {
        var patient = new PatientProfile { BirthDate = new DateOnly(2008, 11, 23), Sex = new Fact<PatientSex>(PatientSex.Female) };

        Check(TrialFilter.Apply(Trial(), patient, new MatchFilters(), Today), "age").Outcome.Should().Be(FilterOutcome.Fail, "the patient turns 18 tomorrow");
        Check(TrialFilter.Apply(Trial(), patient, new MatchFilters(), Today.AddDays(1)), "age").Outcome.Should().Be(FilterOutcome.Pass);
    }

    [Fact]
    public void Apply_MissingAgeAndSex_AreUnknownNeverFail()
    {
        var result = TrialFilter.Apply(Trial(), Patient(age: null, sex: null), new MatchFilters(), Today);

        result.Passed.Should().BeTrue();
        result.Unknowns.Select(u => u.Filter).Should().Contain(["age", "sex"]);
    }

    [Fact]
    public void Apply_MaleForFemaleOnlyTrial_Fails()
    {
        Check(TrialFilter.Apply(Trial(), Patient(sex: PatientSex.Male), new MatchFilters(), Today), "sex").Outcome.Should().Be(FilterOutcome.Fail);
    }

    [Fact]
    public void Apply_NoFilters_ChecksNothing()
    {
        TrialFilter.Apply(Trial(RecruitmentStatus.Completed), Patient(age: 90, sex: PatientSex.Male), MatchFilters.None, Today).Checks.Should().BeEmpty();
    }

    [Fact]
    public void Apply_PhaseAndStudyType_FilterWhenAsked()
    {
        var result = TrialFilter.Apply(Trial(), Patient(), new MatchFilters { Phases = [TrialPhase.Phase3], StudyTypes = [StudyType.Interventional] }, Today);

        Check(result, "phase").Outcome.Should().Be(FilterOutcome.Fail);
        Check(result, "study type").Outcome.Should().Be(FilterOutcome.Pass);
    }

    [Fact]
    public void Passes_EveryCombination_AgreesWithApply()
    {
        RecruitmentStatus[] statuses = [RecruitmentStatus.Recruiting, RecruitmentStatus.NotYetRecruiting, RecruitmentStatus.Completed, RecruitmentStatus.NotStated];
        TrialSite[][] siteLists =
        [
            [],
            [Site("Boston", Boston)],
            [Site("Chicago", Chicago, RecruitmentStatus.Completed), Site("New York", NewYork, RecruitmentStatus.NotYetRecruiting)],
            [Site("Nowhere", null, RecruitmentStatus.NotStated)],
        ];
        var trials = statuses.SelectMany(status => siteLists.Select(sites => Trial(status, sites)))
            .SelectMany(t => new[]
            {
                t,
                t with { Phases = [], StudyType = StudyType.NotStated },
                t with { Eligibility = new TrialEligibility { Sex = EligibleSex.Male, MaximumAge = new AgeLimit(6, AgeUnit.Months) } },
                t with { Eligibility = new TrialEligibility() },
            })
            .ToList();
        PatientProfile[] patients = [Patient(), Patient(age: 17, sex: PatientSex.Male), Patient(age: null, sex: null), Patient(age: 66, sex: PatientSex.Other)];
        MatchFilters[] filterSets =
        [
            new MatchFilters(),
            MatchFilters.None,
            new MatchFilters { IncludeNotYetRecruiting = true, Near = Boston, RadiusKm = 500 },
            new MatchFilters { RecruitingOnly = false, Near = Chicago },
            new MatchFilters { Phases = [TrialPhase.Phase3], StudyTypes = [StudyType.Observational] },
            new MatchFilters { Phases = [TrialPhase.Phase2], StudyTypes = [StudyType.Interventional], CheckAgeAndSex = false },
        ];

        foreach (var trial in trials)
        {
            foreach (var patient in patients)
            {
                foreach (var filters in filterSets)
                {
                    TrialFilter.Passes(trial, patient, filters, Today).Should().Be(TrialFilter.Apply(trial, patient, filters, Today).Passed);
                }
            }
        }
    }
}
