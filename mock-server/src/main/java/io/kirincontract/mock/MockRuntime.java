package io.kirincontract.mock;

import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.control.internal.FaultInjector;
import io.kirincontract.mock.control.internal.ScenarioRules;
import io.kirincontract.mock.control.internal.TaskLimits;
import io.kirincontract.mock.http.internal.HttpApp;
import io.kirincontract.mock.journal.RequestJournal;
import io.kirincontract.mock.lifecycle.internal.Lifecycle;
import io.kirincontract.mock.lifecycle.internal.MetadataResolver;
import io.kirincontract.mock.lifecycle.MockClock;
import io.kirincontract.mock.lifecycle.internal.TaskViews;
import io.kirincontract.mock.media.internal.DefaultMediaInspector;
import io.kirincontract.mock.media.MediaInspector;
import io.kirincontract.mock.media.internal.SyntheticMediaCache;
import io.kirincontract.mock.proxy.internal.DriftProxy;
import io.kirincontract.mock.results.internal.PriceTable;
import io.kirincontract.mock.results.internal.ResultFiles;
import io.kirincontract.mock.results.internal.ResultVideos;
import io.kirincontract.mock.rules.internal.RuleCatalog;
import io.kirincontract.mock.rules.internal.RuleEngine;
import io.kirincontract.mock.stubs.StubRegistry;
import io.kirincontract.mock.tasks.internal.ModelCodes;
import io.kirincontract.mock.tasks.internal.TaskStore;
import io.kirincontract.mock.util.internal.Background;
import io.kirincontract.mock.validation.internal.RequestValidator;
import io.kirincontract.mock.validation.internal.ValidationBootstrap;
import io.kirincontract.spec.KirinSpec;

/**
 * Everything a mock server runs, wired from a {@link MockConfig}, without the HTTP layer: validation, the task store
 * and lifecycle, results, control. {@link KirinMockServer} puts HTTP on top; tests and benchmarks can drive it
 * directly.
 */
final class MockRuntime implements AutoCloseable {

  final KirinSpec spec;
  final RuleEngine rules;
  final RequestValidator validator;
  final MockClock clock;
  final Lifecycle lifecycle;
  final ResultFiles files;
  final ResultVideos videos;
  final FaultInjector faults;
  final MockAdmin admin;
  final RequestJournal journal;
  final StubRegistry stubs = new StubRegistry();
  final DriftProxy proxy;

  private MockRuntime(
      MockConfig config, KirinSpec spec, Background<ValidationBootstrap> validation, RequestJournal journal) {
    this.journal = journal;
    this.spec = spec;
    this.rules = new RuleEngine(spec, RuleCatalog.all(spec), config.disabledRules(), config.mediaPolicy());
    DisabledRules.check(spec, config.disabledRules());
    MediaInspector inspector =
        config
            .mediaInspector()
            .orElseGet(() -> new DefaultMediaInspector(config.mediaFetchSettings(), config.egress()));
    this.validator =
        new RequestValidator(
            spec,
            rules,
            inspector,
            config.elementLibrary(),
            config.disabledRules(),
            config.mediaBudget(),
            validation.get());
    this.clock = config.mockClock();
    ModelCodes codes = new ModelCodes(spec);
    TaskLimits limits = new TaskLimits(config.maxRunningTasks());
    ScenarioRules scenarios = new ScenarioRules(codes);
    this.files = new ResultFiles();
    this.videos = new ResultVideos(new SyntheticMediaCache(config.resultCacheBytes()));
    TaskViews views = new TaskViews(files, new PriceTable(spec), codes);
    this.lifecycle =
        new Lifecycle(
            clock,
            new TaskStore(config.maxTasks(), config.maxTasksPerKey()),
            limits,
            scenarios,
            codes,
            views,
            new MetadataResolver(spec),
            config.callbackSettings());
    this.faults = new FaultInjector(config.faults());
    this.admin = new MockAdmin(lifecycle, scenarios, limits, faults, codes, journal, stubs);
    this.proxy = DriftProxy.of(config, spec, validator).orElse(null);
  }

  /**
   * Wires a runtime; its lifecycle is not started yet.
   *
   * @throws io.kirincontract.mock.rules.internal.RuleMismatchException when the implemented rules differ from the spec's
   */
  static MockRuntime create(MockConfig config) {
    return create(config, new RequestJournal(config.journal(), config.journalSize()));
  }

  /** Wires a runtime that records into {@code journal} (made before the HTTP layer, which records into it too). */
  static MockRuntime create(MockConfig config, RequestJournal journal) {
    // The two slow parts of a start are independent: Hibernate Validator bootstraps while the spec is read.
    Background<ValidationBootstrap> validation = ValidationBootstrap.startInBackground();
    return new MockRuntime(config, config.spec().orElseGet(KirinSpec::load), validation, journal);
  }

  HttpApp.Services services() {
    return new HttpApp.Services(validator, lifecycle, admin, files, videos, faults, stubs, proxy);
  }

  @Override
  public void close() {
    if (proxy != null) {
      proxy.close();
    }
    lifecycle.close();
    validator.close();
  }
}
