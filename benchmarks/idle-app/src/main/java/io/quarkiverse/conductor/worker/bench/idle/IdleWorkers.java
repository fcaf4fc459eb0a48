package io.quarkiverse.conductor.worker.bench.idle;

import io.quarkiverse.conductor.worker.ConductorWorker;

/**
 * A hundred workers of task types nobody schedules: what idle workers cost.
 */
public class IdleWorkers {

    @ConductorWorker("idle_000")
    public void idle000() {
    }

    @ConductorWorker("idle_001")
    public void idle001() {
    }

    @ConductorWorker("idle_002")
    public void idle002() {
    }

    @ConductorWorker("idle_003")
    public void idle003() {
    }

    @ConductorWorker("idle_004")
    public void idle004() {
    }

    @ConductorWorker("idle_005")
    public void idle005() {
    }

    @ConductorWorker("idle_006")
    public void idle006() {
    }

    @ConductorWorker("idle_007")
    public void idle007() {
    }

    @ConductorWorker("idle_008")
    public void idle008() {
    }

    @ConductorWorker("idle_009")
    public void idle009() {
    }

    @ConductorWorker("idle_010")
    public void idle010() {
    }

    @ConductorWorker("idle_011")
    public void idle011() {
    }

    @ConductorWorker("idle_012")
    public void idle012() {
    }

    @ConductorWorker("idle_013")
    public void idle013() {
    }

    @ConductorWorker("idle_014")
    public void idle014() {
    }

    @ConductorWorker("idle_015")
    public void idle015() {
    }

    @ConductorWorker("idle_016")
    public void idle016() {
    }

    @ConductorWorker("idle_017")
    public void idle017() {
    }

    @ConductorWorker("idle_018")
    public void idle018() {
    }

    @ConductorWorker("idle_019")
    public void idle019() {
    }

    @ConductorWorker("idle_020")
    public void idle020() {
    }

    @ConductorWorker("idle_021")
    public void idle021() {
    }

    @ConductorWorker("idle_022")
    public void idle022() {
    }

    @ConductorWorker("idle_023")
    public void idle023() {
    }

    @ConductorWorker("idle_024")
    public void idle024() {
    }

    @ConductorWorker("idle_025")
    public void idle025() {
    }

    @ConductorWorker("idle_026")
    public void idle026() {
    }

    @ConductorWorker("idle_027")
    public void idle027() {
    }

    @ConductorWorker("idle_028")
    public void idle028() {
    }

    @ConductorWorker("idle_029")
    public void idle029() {
    }

    @ConductorWorker("idle_030")
    public void idle030() {
    }

    @ConductorWorker("idle_031")
    public void idle031() {
    }

    @ConductorWorker("idle_032")
    public void idle032() {
    }

    @ConductorWorker("idle_033")
    public void idle033() {
    }

    @ConductorWorker("idle_034")
    public void idle034() {
    }

    @ConductorWorker("idle_035")
    public void idle035() {
    }

    @ConductorWorker("idle_036")
    public void idle036() {
    }

    @ConductorWorker("idle_037")
    public void idle037() {
    }

    @ConductorWorker("idle_038")
    public void idle038() {
    }

    @ConductorWorker("idle_039")
    public void idle039() {
    }

    @ConductorWorker("idle_040")
    public void idle040() {
    }

    @ConductorWorker("idle_041")
    public void idle041() {
    }

    @ConductorWorker("idle_042")
    public void idle042() {
    }

    @ConductorWorker("idle_043")
    public void idle043() {
    }

    @ConductorWorker("idle_044")
    public void idle044() {
    }

    @ConductorWorker("idle_045")
    public void idle045() {
    }

    @ConductorWorker("idle_046")
    public void idle046() {
    }

    @ConductorWorker("idle_047")
    public void idle047() {
    }

    @ConductorWorker("idle_048")
    public void idle048() {
    }

    @ConductorWorker("idle_049")
    public void idle049() {
    }

    @ConductorWorker("idle_050")
    public void idle050() {
    }

    @ConductorWorker("idle_051")
    public void idle051() {
    }

    @ConductorWorker("idle_052")
    public void idle052() {
    }

    @ConductorWorker("idle_053")
    public void idle053() {
    }

    @ConductorWorker("idle_054")
    public void idle054() {
    }

    @ConductorWorker("idle_055")
    public void idle055() {
    }

    @ConductorWorker("idle_056")
    public void idle056() {
    }

    @ConductorWorker("idle_057")
    public void idle057() {
    }

    @ConductorWorker("idle_058")
    public void idle058() {
    }

    @ConductorWorker("idle_059")
    public void idle059() {
    }

    @ConductorWorker("idle_060")
    public void idle060() {
    }

    @ConductorWorker("idle_061")
    public void idle061() {
    }

    @ConductorWorker("idle_062")
    public void idle062() {
    }

    @ConductorWorker("idle_063")
    public void idle063() {
    }

    @ConductorWorker("idle_064")
    public void idle064() {
    }

    @ConductorWorker("idle_065")
    public void idle065() {
    }

    @ConductorWorker("idle_066")
    public void idle066() {
    }

    @ConductorWorker("idle_067")
    public void idle067() {
    }

    @ConductorWorker("idle_068")
    public void idle068() {
    }

    @ConductorWorker("idle_069")
    public void idle069() {
    }

    @ConductorWorker("idle_070")
    public void idle070() {
    }

    @ConductorWorker("idle_071")
    public void idle071() {
    }

    @ConductorWorker("idle_072")
    public void idle072() {
    }

    @ConductorWorker("idle_073")
    public void idle073() {
    }

    @ConductorWorker("idle_074")
    public void idle074() {
    }

    @ConductorWorker("idle_075")
    public void idle075() {
    }

    @ConductorWorker("idle_076")
    public void idle076() {
    }

    @ConductorWorker("idle_077")
    public void idle077() {
    }

    @ConductorWorker("idle_078")
    public void idle078() {
    }

    @ConductorWorker("idle_079")
    public void idle079() {
    }

    @ConductorWorker("idle_080")
    public void idle080() {
    }

    @ConductorWorker("idle_081")
    public void idle081() {
    }

    @ConductorWorker("idle_082")
    public void idle082() {
    }

    @ConductorWorker("idle_083")
    public void idle083() {
    }

    @ConductorWorker("idle_084")
    public void idle084() {
    }

    @ConductorWorker("idle_085")
    public void idle085() {
    }

    @ConductorWorker("idle_086")
    public void idle086() {
    }

    @ConductorWorker("idle_087")
    public void idle087() {
    }

    @ConductorWorker("idle_088")
    public void idle088() {
    }

    @ConductorWorker("idle_089")
    public void idle089() {
    }

    @ConductorWorker("idle_090")
    public void idle090() {
    }

    @ConductorWorker("idle_091")
    public void idle091() {
    }

    @ConductorWorker("idle_092")
    public void idle092() {
    }

    @ConductorWorker("idle_093")
    public void idle093() {
    }

    @ConductorWorker("idle_094")
    public void idle094() {
    }

    @ConductorWorker("idle_095")
    public void idle095() {
    }

    @ConductorWorker("idle_096")
    public void idle096() {
    }

    @ConductorWorker("idle_097")
    public void idle097() {
    }

    @ConductorWorker("idle_098")
    public void idle098() {
    }

    @ConductorWorker("idle_099")
    public void idle099() {
    }
}
