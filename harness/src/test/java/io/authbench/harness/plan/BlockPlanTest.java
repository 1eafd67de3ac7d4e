package io.authbench.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.harness.profile.NetworkProfile;
import io.authbench.harness.profile.Profiles;
import io.authbench.reports.results.BlockDesign;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs in blocks (docs/statistics.md#blocks): one block's plan, and the rule that stops cells between blocks. */
class BlockPlanTest {
    private static final List<String> FLOWS = List.of("login", "revisit", "guard", "logout");
    private static final List<NetworkProfile> PROFILES =
            Profiles.bundled().get(List.of("loopback", "cable", "slow-4g", "far-backend"));

    private static RunPlan<String> block(int block, boolean reorder, Predicate<CellKey> open) {
        return RunPlan.block(FLOWS, PROFILES, 4, 1, 42, "login", f -> Optional.empty(), null, block, reorder, open);
    }

    private static RunPlan<String> fourVariantBlock(int block) {
        return RunPlan.block(
                FLOWS,
                PROFILES,
                4,
                1,
                42,
                "login",
                f -> Optional.empty(),
                f -> Optional.empty(),
                block,
                true,
                c -> true);
    }

    @Test
    void block_zero_in_the_given_order_is_exactly_the_plan_of_a_run_without_blocks() {
        assertThat(block(0, false, c -> true).iterations())
                .isEqualTo(RunPlan.build(FLOWS, PROFILES, 4, 1, 42, "login").iterations());
    }

    @Test
    void every_profile_of_every_block_starts_with_one_warm_up_pair_even_when_its_first_cells_are_closed() {
        for (int b = 0; b < 3; b++) {
            RunPlan<String> all = block(b, true, c -> true);
            // close the cell each profile would have started with: the warm-up moves to the next open cell
            Set<CellKey> firstCells = new HashSet<>();
            all.byProfile()
                    .values()
                    .forEach(batch -> firstCells.add(batch.get(0).cell()));
            RunPlan<String> some = block(b, true, c -> !firstCells.contains(c));
            for (RunPlan<String> plan : List.of(all, some)) {
                assertThat(plan.byProfile()).hasSize(PROFILES.size());
                plan.byProfile().values().forEach(batch -> {
                    assertThat(batch.subList(0, 2)).allMatch(PlannedIteration::warmup);
                    assertThat(batch.subList(0, 2))
                            .extracting(PlannedIteration::cell)
                            .containsOnly(batch.get(2).cell());
                    assertThat(batch.subList(2, batch.size())).noneMatch(PlannedIteration::warmup);
                });
            }
            assertThat(some.byProfile().values())
                    .allMatch(batch -> !firstCells.contains(batch.get(0).cell()));
        }
    }

    @Test
    void pair_numbers_continue_across_blocks_and_every_iteration_knows_its_block() {
        Set<String> seen = new HashSet<>();
        for (int b = 0; b < 3; b++) {
            RunPlan<String> plan = block(b, true, c -> true);
            int current = b;
            assertThat(plan.iterations()).allMatch(i -> i.block() == current);
            assertThat(plan.iterations().stream().filter(i -> !i.warmup()).map(PlannedIteration::pair))
                    .allMatch(p -> p >= current * 4 && p < current * 4 + 4);
            assertThat(plan.iterations().stream()
                            .filter(PlannedIteration::warmup)
                            .map(PlannedIteration::pair))
                    .allMatch(p -> p == current);
            plan.iterations().stream()
                    .filter(i -> !i.warmup())
                    .forEach(i -> assertThat(seen.add(i.cell() + "|" + i.pair() + "|" + i.variant()))
                            .as("%s pair %d %s is unique", i.cell(), i.pair(), i.variant())
                            .isTrue());
        }
    }

    @Test
    void each_block_draws_its_own_profile_and_cell_order_and_keeps_the_a_a_cell_on_the_first_profile() {
        Set<List<String>> profileOrders = new LinkedHashSet<>();
        Set<List<String>> loopbackCellOrders = new LinkedHashSet<>();
        for (int b = 0; b < 6; b++) {
            RunPlan<String> plan = block(b, true, c -> true);
            profileOrders.add(List.copyOf(plan.byProfile().keySet()));
            loopbackCellOrders.add(plan.byProfile().get("loopback").stream()
                    .map(i -> i.cell().toString())
                    .distinct()
                    .toList());
            assertThat(plan.iterations().stream().filter(PlannedIteration::isAa).map(PlannedIteration::profileName))
                    .containsOnly("loopback")
                    .isNotEmpty();
            assertThat(plan.byProfile().keySet())
                    .containsExactlyInAnyOrder("loopback", "cable", "slow-4g", "far-backend");
        }
        assertThat(profileOrders).as("profile orders drawn per block").hasSizeGreaterThan(1);
        assertThat(loopbackCellOrders).as("cell orders drawn per block").hasSizeGreaterThan(1);
    }

    @Test
    void the_same_seed_and_block_give_the_same_plan_and_another_block_other_orders() {
        assertThat(block(2, true, c -> true).iterations())
                .isEqualTo(block(2, true, c -> true).iterations());
        assertThat(orders(block(1, true, c -> true))).isNotEqualTo(orders(block(2, true, c -> true)));
    }

    @Test
    void within_every_block_each_cell_is_balanced_and_its_pairs_run_back_to_back() {
        for (int b = 0; b < 4; b++) {
            Map<CellKey, List<PlannedIteration<String>>> cells = block(b, true, c -> true).iterations().stream()
                    .filter(i -> !i.warmup())
                    .collect(Collectors.groupingBy(PlannedIteration::cell));
            assertThat(cells).hasSize(17); // 4 flows × 4 profiles + the A/A cell
            cells.forEach((cell, its) -> {
                assertThat(its).hasSize(8);
                long firstIsA = its.stream()
                        .filter(i -> i.order() == 0)
                        .filter(i -> i.variant() == Variant.SSR || i.variant() == Variant.SSR_A)
                        .count();
                assertThat(firstIsA)
                        .as("%s: half of the pairs run SSR first", cell)
                        .isEqualTo(2);
                for (int k = 0; k < its.size(); k += 2) {
                    assertThat(its.get(k).pair()).isEqualTo(its.get(k + 1).pair());
                    assertThat(its.get(k).order()).isZero();
                    assertThat(its.get(k + 1).order()).isOne();
                }
            });
        }
    }

    @Test
    void only_open_cells_run_in_a_block() {
        CellKey aa = new CellKey("login", "loopback", true);
        CellKey login = new CellKey("login", "slow-4g", false);
        RunPlan<String> plan = block(3, true, Set.of(aa, login)::contains);

        assertThat(plan.iterations().stream().map(PlannedIteration::cell).distinct())
                .containsExactlyInAnyOrder(aa, login);
        assertThat(plan.cellCount()).isEqualTo(2);
        assertThat(plan.size()).isEqualTo(2 * (4 + 1) * 2);
        assertThatThrownBy(() -> block(-1, true, c -> true)).hasMessageContaining("block must be 0 or more");
    }

    @Test
    void four_variant_blocks_keep_the_undertow_and_next_js_pairs_side_by_side_and_stop_them_together() {
        RunPlan<String> plan = fourVariantBlock(1);
        Map<CellKey, List<PlannedIteration<String>>> cells = plan.iterations().stream()
                .filter(i -> !i.warmup() && !i.isAa())
                .collect(Collectors.groupingBy(PlannedIteration::cell));
        cells.forEach((cell, its) -> {
            assertThat(its).hasSize(16);
            for (int k = 0; k < its.size(); k += 4) {
                assertThat(its.subList(k, k + 4))
                        .extracting(PlannedIteration::pair)
                        .containsOnly(its.get(k).pair());
                assertThat(its.subList(k, k + 4))
                        .extracting(PlannedIteration::variant)
                        .containsExactlyInAnyOrder(Variant.SSR, Variant.CSR, Variant.NEXT_SSR, Variant.NEXT_CSR);
            }
        });
        assertThat(plan.cellCount())
                .as("two series per flow and profile, plus the A/A cell")
                .isEqualTo(33);
    }

    @Test
    void the_stopping_rule_runs_the_minimum_then_stops_precise_cells_and_never_exceeds_the_maximum() {
        StoppingRule rule = new StoppingRule(new BlockDesign(4, 2, 4, 0.10));
        CellKey precise = new CellKey("navigate", "loopback", false);
        CellKey wide = new CellKey("login", "loopback", false);
        CellKey fewPairs = new CellKey("logout", "slow-4g", false);
        CellKey noPairs = new CellKey("no-js", "loopback", false);
        CellKey aa = new CellKey("login", "loopback", true);
        Map<CellKey, StoppingRule.Precision> measured = Map.of(
                precise, new StoppingRule.Precision(8, 0.04),
                wide, new StoppingRule.Precision(8, 0.25),
                fewPairs, new StoppingRule.Precision(5, 0.02),
                noPairs, StoppingRule.Precision.none(),
                aa, new StoppingRule.Precision(8, 0.10));
        Set<CellKey> all = new LinkedHashSet<>(List.of(precise, wide, fewPairs, noPairs, aa));

        assertThat(StoppingRule.continuing(rule.decide(1, all, measured::get)))
                .as("nobody stops before the minimum")
                .isEqualTo(all);
        Map<CellKey, Optional<StoppingRule.Reason>> afterTwo = rule.decide(2, all, measured::get);
        assertThat(afterTwo.get(precise)).contains(StoppingRule.Reason.PRECISE);
        assertThat(afterTwo.get(aa)).as("the A/A cell follows the same rule").contains(StoppingRule.Reason.PRECISE);
        assertThat(afterTwo.get(noPairs)).contains(StoppingRule.Reason.NO_PAIRS);
        assertThat(afterTwo.get(wide)).isEmpty();
        assertThat(afterTwo.get(fewPairs))
                .as("too few complete pairs for a verdict")
                .isEmpty();
        assertThat(StoppingRule.continuing(afterTwo)).containsExactly(wide, fewPairs);
        assertThat(StoppingRule.continuing(rule.decide(4, Set.of(wide, fewPairs), measured::get)))
                .as("the maximum stops everyone")
                .isEmpty();
    }

    @Test
    void a_cell_that_measures_no_time_stops_after_its_first_block_whatever_the_minimum() {
        CellKey noJs = new CellKey("NO_JS", "loopback", false);
        CellKey login = new CellKey("LOGIN", "loopback", false);
        StoppingRule rule = new StoppingRule(
                new BlockDesign(4, 3, 4, 0.10), cell -> cell.flow().equals("NO_JS"));
        Set<CellKey> both = new LinkedHashSet<>(List.of(noJs, login));

        Map<CellKey, Optional<StoppingRule.Reason>> afterOne =
                rule.decide(1, both, cell -> StoppingRule.Precision.none());
        assertThat(afterOne.get(noJs)).contains(StoppingRule.Reason.UNTIMED);
        assertThat(afterOne.get(login))
                .as("a timed cell without pairs yet still runs the minimum")
                .isEmpty();
        assertThat(StoppingRule.continuing(afterOne)).containsExactly(login);
        assertThat(new StoppingRule(new BlockDesign(4, 3, 4, 0.10))
                        .decide(1, both, cell -> StoppingRule.Precision.none()))
                .as("without the predicate every cell runs the minimum")
                .allSatisfy((cell, reason) -> assertThat(reason).isEmpty());
    }

    @Test
    void a_fixed_design_runs_every_cell_every_block() {
        StoppingRule rule = new StoppingRule(new BlockDesign(4, 3, 3, 0.10));
        CellKey precise = new CellKey("navigate", "loopback", false);
        Set<CellKey> open = Set.of(precise);

        assertThat(StoppingRule.continuing(rule.decide(2, open, c -> new StoppingRule.Precision(8, 0.01))))
                .containsExactly(precise);
        assertThat(StoppingRule.continuing(rule.decide(3, open, c -> new StoppingRule.Precision(8, 0.01))))
                .isEmpty();
    }

    private static List<String> orders(RunPlan<String> plan) {
        List<String> out = new ArrayList<>();
        plan.iterations().forEach(i -> out.add(i.cell() + "|" + i.variant() + "|" + i.order()));
        return out;
    }
}
