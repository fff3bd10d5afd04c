global using System.Net;
global using System.Net.Http.Json;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using NUnit.Framework;
global using SmartBranch.Api.Tests.Infrastructure;
global using SmartBranch.Infrastructure.Persistence;
