"""Sweeps on a Dask cluster: a two-worker LocalCluster computes what the serial sweep computes."""

import inspect

import numpy as np
import pytest

import theory
from theory import _sweep

distributed = pytest.importorskip("dask.distributed")


def _gf_threshold(delta_p):
    return theory.threshold(3, delta_p)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


class TestDaskSweep:
    def test_sweep_equals_serial(self, client):
        tasks = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0]
        serial = _sweep.run(_gf_threshold, tasks)
        dask = _sweep.run(_gf_threshold, tasks, executor=client.get_executor())
        assert dask.results == serial.results and not dask.interrupted
        assert list(serial.results) == [theory.threshold(3, d) for d in tasks]

    def test_phase_diagram_on_the_cluster(self, client):
        if "executor" not in inspect.signature(theory.phase_diagram).parameters:
            pytest.skip("phase_diagram(executor=) not on this branch")
        grid = np.array([0.5, 1.0, 2.0])
        serial = theory.phase_diagram(3, grid)
        on_cluster = theory.phase_diagram(3, grid, executor=client.get_executor())
        for kind in serial.kinds:
            np.testing.assert_array_equal(np.asarray(on_cluster[kind]), np.asarray(serial[kind]))


class TestClientAsExecutor:
    """A ``dask.distributed.Client`` passed as ``executor=`` itself (issue 18: it failed with an
    internal AttributeError) runs through its ``get_executor()``."""

    def test_check_executor_turns_a_client_into_its_executor(self, client):
        executor = _sweep.check_executor(client)
        assert callable(executor.submit) and type(executor).__module__.startswith("distributed")

    def test_sweep_on_a_client_equals_serial(self, client):
        tasks = [0.5, 1.0, 2.0]
        on_client = _sweep.run(_gf_threshold, tasks, executor=client, progress=False)
        assert not on_client.interrupted
        assert list(on_client.results) == [theory.threshold(3, d) for d in tasks]

    def test_simulate_ensemble_on_a_client(self, client):
        kw = dict(p=3, n=8, delta2=0.5, delta_p=1.0, m0=0.2, t_max=1.0, progress=False)
        on_client = theory.simulate_ensemble(seeds=range(2), executor=client, **kw)
        assert on_client == theory.simulate_ensemble(seeds=range(2), **kw)
