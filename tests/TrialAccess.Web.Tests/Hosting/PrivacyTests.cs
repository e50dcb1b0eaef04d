namespace TrialAccess.Web.Tests.Hosting;

public class PrivacyTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    [Fact]
    public async Task Logs_AfterSearchesWithPersonalDetails_DoNotContainThem()
    {
        var client = app.CreateClient();
        await client.GetAsync("/?cancer=lung&age=57&place=Quebec%20City&distance=any");
        await client.GetAsync("/api/trials?q=zebrafinch&near=Saskatoon&age=57");
        await client.PostAsync("/api/trials/search", new StringContent("{\"q\": \"zebrafinch\", \"near\": \"Saskatoon\"", System.Text.Encoding.UTF8, "application/json"));
        await client.GetAsync("/trials/NCT99000001?place=Quebec%20City");

        app.Logs.Should().NotBeEmpty("the capture must work for this test to mean anything");
        var logs = string.Join("\n", app.Logs);
        logs.Should().NotContainAny("Quebec", "Saskatoon", "zebrafinch", "age=57");
    }
}
