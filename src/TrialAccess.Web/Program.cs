using TrialAccess.Web;

// Settings come from the usual places (appsettings, environment, command line): for example
// --TrialAccess:Database=<path or connection string> --urls http://127.0.0.1:5000
var app = WebApp.Build(args);
await app.RunAsync();
