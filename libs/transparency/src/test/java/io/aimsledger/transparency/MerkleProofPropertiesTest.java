package io.aimsledger.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Proofs over whole ranges of tree shapes, and that any changed byte of a proof is caught. */
class MerkleProofPropertiesTest {

    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleHashes.leaf(("{\"entry\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @Test
    void aConsistencyProofBetweenEveryPairOfSizesFromOneTo64Verifies() {
        List<byte[]> leaves = leaves(64);
        for (int first = 1; first <= 64; first++) {
            byte[] firstRoot = MerkleTree.root(leaves.subList(0, first));
            for (int second = first; second <= 64; second++) {
                byte[] secondRoot = MerkleTree.root(leaves.subList(0, second));
                List<byte[]> proof = MerkleTree.consistencyPath(leaves, first, second);
                assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d -> %d", first, second).isTrue();
                if (first < second) {
                    byte[] otherRoot = MerkleHashes.leaf(new byte[] {(byte) first});
                    assertThat(MerkleProofs.verifyConsistency(first, second, otherRoot, secondRoot, proof))
                            .as("%d -> %d with a foreign first root", first, second).isFalse();
                }
            }
        }
    }

    @Test
    void aConsistencyProofFailsWhenAnyByteOfItChangesOrAnElementIsDroppedOrAdded() {
        List<byte[]> leaves = leaves(64);
        for (int first = 1; first < 64; first++) {
            byte[] firstRoot = MerkleTree.root(leaves.subList(0, first));
            for (int second = first + 1; second <= 64; second++) {
                byte[] secondRoot = MerkleTree.root(leaves.subList(0, second));
                List<byte[]> proof = MerkleTree.consistencyPath(leaves, first, second);
                for (int element = 0; element < proof.size(); element++) {
                    for (int b = 0; b < 32; b += 7) {
                        List<byte[]> altered = new ArrayList<>(proof);
                        byte[] changed = proof.get(element).clone();
                        changed[b] ^= 0x01;
                        altered.set(element, changed);
                        assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, altered))
                                .as("%d -> %d, element %d, byte %d", first, second, element, b).isFalse();
                    }
                    List<byte[]> dropped = new ArrayList<>(proof);
                    dropped.remove(element);
                    assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, dropped))
                            .as("%d -> %d without element %d", first, second, element).isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(leaves.get(0));
                assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, longer))
                        .as("%d -> %d with an element too many", first, second).isFalse();
            }
        }
    }

    @Test
    void anInclusionProofForEveryLeafOfAThousandVerifiesAndFailsWhenAnyByteOfThePathChanges() {
        List<byte[]> leaves = leaves(1000);
        byte[] root = MerkleTree.root(leaves);
        Subtrees tree = Subtrees.of(leaves);
        for (int index = 0; index < 1000; index++) {
            List<byte[]> path = MerkleTree.inclusionPath(index, 1000, tree);
            assertThat(MerkleProofs.verifyInclusion(index, 1000, leaves.get(index), path, root)).as("leaf %d", index)
                    .isTrue();
            for (int element = 0; element < path.size(); element++) {
                for (int b = 0; b < 32; b++) {
                    List<byte[]> altered = new ArrayList<>(path);
                    byte[] changed = path.get(element).clone();
                    changed[b] ^= 0x01;
                    altered.set(element, changed);
                    assertThat(MerkleProofs.verifyInclusion(index, 1000, leaves.get(index), altered, root))
                            .as("leaf %d, path element %d, byte %d", index, element, b).isFalse();
                }
            }
            assertThat(MerkleProofs.verifyInclusion(index, 1000, leaves.get((index + 1) % 1000), path, root)).isFalse();
        }
    }

    @Test
    void theFrontierGivesEveryRootAndExactlyTheSubtreesALeafCompletes() {
        List<byte[]> leaves = leaves(300);
        Subtrees tree = Subtrees.of(leaves);
        TreeFrontier frontier = TreeFrontier.empty();
        for (int size = 0; size < 300; size++) {
            assertThat(frontier.root()).isEqualTo(MerkleTree.root(leaves.subList(0, size)));
            assertThat(TreeFrontier.of(size, tree).root()).isEqualTo(frontier.root());
            for (Subtrees.HashedNode node : frontier.append(leaves.get(size))) {
                assertThat(node.hash()).isEqualTo(tree.hash(node.level(), node.index()));
                assertThat((node.index() << node.level()) + (1L << node.level())).isEqualTo(size + 1);
            }
        }
    }

    @Test
    void anyAnswerAboutAMillionLeavesReadsOnlyLogarithmicallyManySubtrees() {
        Random random = new Random(42);
        long size = 1_000_003;
        for (int i = 0; i < 200; i++) {
            long index = Math.floorMod(random.nextLong(), size);
            long first = 1 + Math.floorMod(random.nextLong(), size);
            assertThat(MerkleTree.nodesNeeded(t -> MerkleTree.inclusionPath(index, size, t))).hasSizeLessThanOrEqualTo(40);
            assertThat(MerkleTree.nodesNeeded(t -> MerkleTree.consistencyPath(first, size, t))).hasSizeLessThanOrEqualTo(60);
        }
        assertThat(MerkleTree.nodesNeeded(t -> MerkleTree.root(size, t))).hasSizeLessThanOrEqualTo(20);
    }
}
