package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;
import java.util.List;

import javax.persistence.EntityManager;

import org.loumen.core.model.DivisionCodes;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/**
 * The community's points shop (积分超市): items, their price in points and their stock, kept by the secretary. A
 * redemption takes the stock and the household's points in one transaction, each by a conditional update (stock
 * ≥ quantity, balance ≥ price × quantity): either both move or neither, and parallel redemptions can neither
 * overdraw a household nor take the stock below zero.
 */
final class Shop {

    record Item(long id, String community, String name, int points, int stock) {
        static Item of(ShopItemEntity i) {
            return new Item(i.id, i.community, i.name, i.points, i.stock);
        }
    }

    record Redeemed(long id, long item, String itemName, long household, String unit, String room, int quantity,
            long points, LocalDateTime at, String by) {
    }

    private final Tx tx;
    private final Households households;

    Shop(Tx tx, Households households) {
        this.tx = tx;
        this.households = households;
    }

    /** GET /shop/items?community=: the items of the communities the caller works in (a leader: their unit's). */
    List<Item> items(ProgrammeRequest r) throws ApiException {
        String community = r.query("community").orElse(null);
        if (community != null && !DivisionCodes.hasCommunityForm(community)) {
            throw new ApiException(400, "invalid-parameter", "community 须为 12 位社区代码 / community must be a "
                    + "12-digit code", "community");
        }
        return tx.run(em -> em.createQuery("SELECT i FROM ShopItemEntity i WHERE i.street = :s ORDER BY i.community, "
                + "i.points, i.id", ShopItemEntity.class).setParameter("s", r.street()).getResultList()).stream()
                .filter(i -> Who.near(r, i.community) && (community == null || i.community.equals(community)))
                .map(Item::of).toList();
    }

    /** POST /shop/items {community, name, points, stock} (staff). */
    ApiResponse add(ProgrammeRequest r) throws ApiException {
        Rules.NewItem b = r.body(Rules.NewItem.class);
        String community = r.community("community", b.community());
        Rules.check(b);
        Item out = tx.run(em -> Item.of(create(em, community, b.name().strip(), b.points(), b.stock())));
        r.auditDetail("shop item " + out.id() + " in " + community);
        return ApiResponse.created(out);
    }

    static ShopItemEntity create(EntityManager em, String community, String name, int points, int stock) {
        ShopItemEntity i = new ShopItemEntity();
        i.street = community.substring(0, 9);
        i.community = community;
        i.name = name;
        i.points = points;
        i.stock = stock;
        em.persist(i);
        em.flush();
        return i;
    }

    private ShopItemEntity find(EntityManager em, ProgrammeRequest r, long id, String field) throws ApiException {
        ShopItemEntity i = em.find(ShopItemEntity.class, id);
        if (i == null || !i.street.equals(r.street()) || !r.inScope(i.community)) {
            throw Who.notFound("商品", "item", field);
        }
        return i;
    }

    /** POST /shop/items/{item}/stock {delta}: restock (or take out); the stock never goes below zero. */
    Item restock(ProgrammeRequest r) throws ApiException {
        Rules.Restock b = r.body(Rules.Restock.class);
        if (b.delta() == null || b.delta() == 0 || Math.abs(b.delta()) > 100_000) {
            throw ApiException.invalidField("delta", "库存变化须为非零整数 / delta must be a non-zero number");
        }
        Item out = tx.run(em -> {
            ShopItemEntity i = find(em, r, r.pathId("item").orElse(-1L), "item");
            int n = em.createQuery("UPDATE ShopItemEntity i SET i.stock = i.stock + :d, i.version = i.version + 1 "
                    + "WHERE i.id = :id AND i.stock + :d >= 0").setParameter("d", b.delta()).setParameter("id", i.id)
                    .executeUpdate();
            if (n == 0) {
                throw new ApiException(409, "out-of-stock", "库存不足，不能减到负数 / the stock cannot go below zero",
                        "delta");
            }
            em.refresh(i);
            return Item.of(i);
        });
        r.auditDetail("stock of item " + out.id() + " " + b.delta());
        return out;
    }

    /** POST /shop/redemptions {item, household, quantity} (staff). */
    ApiResponse redeem(ProgrammeRequest r) throws ApiException {
        Rules.Redemption b = r.body(Rules.Redemption.class);
        Rules.check(b);
        HouseholdEntity h = households.find(r, b.household(), "household");
        Redeemed out = tx.run(em -> {
            ShopItemEntity i = find(em, r, b.item(), "item");
            if (!i.community.equals(h.community)) {
                throw Who.notFound("本社区的商品", "item of the household's community", "item");
            }
            return redeem(em, i, h, b.quantity(), Who.by(r));
        });
        r.auditDetail("redemption " + out.id() + ": " + out.quantity() + " × item " + out.item() + " for household "
                + out.household() + ", " + out.points() + " points");
        return ApiResponse.created(out);
    }

    static Redeemed redeem(EntityManager em, ShopItemEntity i, HouseholdEntity h, int quantity, String by)
            throws ApiException {
        int n = em.createQuery("UPDATE ShopItemEntity i SET i.stock = i.stock - :q, i.version = i.version + 1 WHERE "
                + "i.id = :id AND i.stock >= :q").setParameter("q", quantity).setParameter("id", i.id).executeUpdate();
        if (n == 0) {
            throw new ApiException(409, "out-of-stock", "库存不足 / not enough in stock", "quantity");
        }
        long cost = (long) i.points * quantity;
        RedemptionEntity e = new RedemptionEntity();
        e.community = i.community;
        e.item = i.id;
        e.household = h.id;
        e.quantity = quantity;
        e.points = cost;
        e.at = LocalDateTime.now(MyBuilding.CHINA);
        e.by = by;
        em.persist(e);
        em.flush();
        if (!Points.post(em, h, -cost, Rules.Reason.REDEMPTION, "R" + e.id, i.name + " × " + quantity, by, e.at)) {
            // the stock taken above goes back with the rollback
            throw new ApiException(409, "insufficient-points", "积分不足 / the household has not enough points",
                    "household");
        }
        return new Redeemed(e.id, i.id, i.name, h.id, h.unit, h.room, quantity, cost, e.at, by);
    }

    /** GET /shop/redemptions?community= (staff), newest first. */
    List<Redeemed> redemptions(ProgrammeRequest r) throws ApiException {
        return tx.run(em -> em.createQuery("SELECT e FROM RedemptionEntity e WHERE e.community LIKE :s ORDER BY e.at "
                + "DESC, e.id DESC", RedemptionEntity.class).setParameter("s", r.street() + "%").setMaxResults(500)
                .getResultList().stream().filter(e -> r.inScope(e.community)).filter(e -> r.query("community")
                        .map(e.community::equals).orElse(true)).map(e -> {
                            ShopItemEntity i = em.find(ShopItemEntity.class, e.item);
                            HouseholdEntity h = em.find(HouseholdEntity.class, e.household);
                            return new Redeemed(e.id, e.item, i == null ? "?" : i.name, e.household,
                                    h == null ? null : h.unit, h == null ? null : h.room, e.quantity, e.points, e.at,
                                    e.by);
                        }).toList());
    }
}
