package io.aimsledger.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Known answers: the RFC 6962 test leaves, tree heads, inclusion and consistency proofs (see the README). */
class MerkleVectorsTest {

    private static JsonNode vectors;
    private static final List<byte[]> LEAVES = new ArrayList<>();

    @BeforeAll
    static void readVectors() throws IOException {
        try (InputStream in = MerkleVectorsTest.class.getResourceAsStream("/rfc6962-vectors.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
        vectors.get("leaves").forEach(leaf -> LEAVES.add(MerkleHashes.leaf(MerkleHashes.fromHex(leaf.asText()))));
    }

    private static byte[] rootOf(int size) {
        return MerkleHashes.fromHex(vectors.get("roots").get(Integer.toString(size)).asText());
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleHashes::hex).toList();
    }

    private static List<byte[]> bytes(JsonNode hexes) {
        List<byte[]> out = new ArrayList<>();
        hexes.forEach(h -> out.add(MerkleHashes.fromHex(h.asText())));
        return out;
    }

    @Test
    void everyTreeHeadMatches() {
        for (int size = 0; size <= LEAVES.size(); size++) {
            assertThat(MerkleHashes.hex(MerkleTree.root(LEAVES.subList(0, size))))
                    .as("root of size %d", size).isEqualTo(MerkleHashes.hex(rootOf(size)));
        }
    }

    @Test
    void everyInclusionProofIsProducedAndVerified() {
        assertThat(vectors.get("inclusion")).isNotEmpty();
        for (JsonNode vector : vectors.get("inclusion")) {
            int index = vector.get("leafIndex").asInt();
            int size = vector.get("treeSize").asInt();
            List<byte[]> path = MerkleTree.inclusionPath(LEAVES, index, size);
            assertThat(hex(path)).as("path of %d in %d", index, size).isEqualTo(hex(bytes(vector.get("auditPath"))));
            assertThat(MerkleProofs.verifyInclusion(index, size, LEAVES.get(index), path, rootOf(size))).isTrue();
        }
    }

    @Test
    void everyConsistencyProofIsProducedAndVerified() {
        assertThat(vectors.get("consistency")).isNotEmpty();
        for (JsonNode vector : vectors.get("consistency")) {
            int first = vector.get("first").asInt();
            int second = vector.get("second").asInt();
            List<byte[]> path = MerkleTree.consistencyPath(LEAVES, first, second);
            assertThat(hex(path)).as("proof %d -> %d", first, second)
                    .isEqualTo(hex(bytes(vector.get("consistencyPath"))));
            assertThat(MerkleProofs.verifyConsistency(first, second, rootOf(first), rootOf(second), path)).isTrue();
        }
    }

    @Test
    void anAlteredLeafPathOrRootFailsVerification() {
        List<byte[]> path = MerkleTree.inclusionPath(LEAVES, 5, 8);
        byte[] tampered = path.getFirst().clone();
        tampered[0] ^= 1;
        List<byte[]> badPath = new ArrayList<>(path);
        badPath.set(0, tampered);

        assertThat(MerkleProofs.verifyInclusion(5, 8, LEAVES.get(5), path, rootOf(8))).isTrue();
        assertThat(MerkleProofs.verifyInclusion(5, 8, LEAVES.get(5), badPath, rootOf(8))).isFalse();
        assertThat(MerkleProofs.verifyInclusion(5, 8, LEAVES.get(4), path, rootOf(8))).isFalse();
        assertThat(MerkleProofs.verifyInclusion(4, 8, LEAVES.get(5), path, rootOf(8))).isFalse();
        assertThat(MerkleProofs.verifyInclusion(5, 8, LEAVES.get(5), path, rootOf(7))).isFalse();
        assertThat(MerkleProofs.verifyInclusion(8, 8, LEAVES.get(5), path, rootOf(8))).isFalse();

        List<byte[]> consistency = MerkleTree.consistencyPath(LEAVES, 3, 7);
        assertThat(MerkleProofs.verifyConsistency(3, 7, rootOf(3), rootOf(7), consistency)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(3, 7, rootOf(4), rootOf(7), consistency)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 7, rootOf(3), rootOf(8), consistency)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(3, 7, rootOf(3), rootOf(7), consistency.subList(1, consistency.size())))
                .isFalse();
    }
}
