# # Lesson 2 · The 4/4/2 hedge layers and what binds each
#
# ALVH hedges the condors with VIX calls in three layers, "4/4/2": four units in a front
# layer L1 (30-day VIX call spreads), four in a time-shifted L2 (60-day spreads, bought
# 7 to 14 days after L1) and two in an anchor L3 (a 120-day VIX call). When SPX falls, VIX
# rises, and the calls pay while the condor's put side loses.
#
# A layer's size is the smallest of three limits, and the tool says which one bound it:
#
# - scale: units × contracts per unit, where the sources' 160 contracts per 4-unit layer
#   at $2,000,000 make 40 per unit at $2M, scaled linearly with equity and with the step;
# - budget: the layer's premium budget (1.2% of equity for L1 and L2, 0.4% for L3);
# - cap: no layer may cost more than the per-layer cap (10% of equity).
#
# And all layers together may not cost more than the gross cap, 18% of equity.
date 2026-01-05
spx 6000
vix 18
account 100000
# At $100,000 and step 1: 40 × 100,000 / 2,000,000 = 2 contracts per unit, so the scale
# rule asks for 4 × 2 = 8, 8 and 2 × 2 = 4 contracts. Each costs less than its budget
# (L1: 8 × $98.01 = $784.09 of a $1,200 budget), so every layer says "scale".
layers
# `why` shows, for each layer, the three limits side by side: the note on each
# "contracts" line says what the other two would have allowed.
why
# A loss moves the martingale to step 2, and the hedge grows with the step: contracts per
# unit × (budget at step 2 / budget at step 1) = 2 × 0.991 × 1.8 = 3.57 (the equity is
# now $99,100). The scale rule would ask for floor(4 × 3.57) = 14 L1 spreads, but the
# 1.2% budget ($1,189.20) buys only 12 at $98.01: now the budget binds, on all three.
loss 900
layers
# When VIX jumps, the VIX futures and the strikes move up and every spread costs more, so
# the same budgets buy fewer: 7, 7 and 3. Look at the triggers too: at VIX 30, L1 fires on
# the spike (30 ≥ 1.2 × 18, the VIX when the cycle began) and L3 fires on VIX ≥ 30. L2
# waits: it follows L1 and is bought only 7 to 14 days after L1 (lesson 4).
vix 30
layers
# The gross cap is the steward's last word: with it set at 2% ($1,982 here) the layers
# cannot all be bought: L2 is cut back to what is left and L3 gets nothing; both say
# "grossCap".
set grosscap 2%
layers
# Back to the defaults, and a $2,000,000 sleeve: 40 contracts per unit, so
# 160 / 160 / 80 contracts. This is the sources' "160 contracts per layer", and it is
# what the same rule gives at $100k: 8 / 8 / 4.
set grosscap 18%
vix 18
account 2000000
layers
