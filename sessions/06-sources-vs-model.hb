# # Lesson 6 · What the sources claim, beside what the model computes
#
# The method comes from two marketing texts. Some of their numbers follow from a rule;
# some contradict each other; some name no rule at all. This lesson puts each number
# they give next to what the model computes from its rules, at SPX 6000,
# VIX 18 and the default settings, and says where they disagree.
date 2026-01-05
spx 6000
vix 18
account 100000
# Claim: a $100k account trades "5-10 contracts of 45 DTE condors", or "4-6 SPX iron
# condor units". Claim: "the trader's baseline iron condor risks $1,000 (1% of capital)".
#
# Model: both cannot hold. The default condor (16 delta, 50-point wings) takes a credit
# of $1,441.15 and risks $1,297.04 at its 90% stop, so 1% buys zero SPX condors.
condor
# To trade 5 SPX condors the base must be about 7% of the account (a new cycle takes the
# new base), and the gap risk, if SPX jumps through the wings, is $17,794.23: 18% of the
# account on one trade. The sources' 1% and their 5-10 contracts are different accounts.
set base 7%
account 100000
condor
# Claim: the condors sit at "15-20 delta", and the baseline trade "targets a 15% return
# on risk". Model: at 16 delta the return on risk is 40.49% (credit / max loss); a 15%
# return needs the shorts much further out. At 8 delta it is 16.61%, with a $712.15 credit.
# The sources' example is a smaller trade than their own strike rule.
set base 1%
set delta 8
account 100000
condor
# Claim: after a $900 loss and a $320 win, a second loss "advances to a $2,900 notional".
# Model: $1,000 × 1.8 × 1.6 = $2,880. The sources round; the multipliers 1.8 and 1.6
# are the ones that reproduce both their $1,800 and their "$2,900".
set delta 16
set underlying xsp
loss 900
win 320
loss 1500
progression
# Claim: "160 contracts per layer" is "the theoretical full-layer notional when scaling
# to a $2M+ institutional sleeve". The model takes that as its scale rule: 40 contracts
# per unit at $2,000,000.
account 2000000
layers
# Claim: a $100k account's first layer is "approximately 8-12 VIX call spreads", and
# "12-18 equivalent VIX contracts across layers".
#
# Model: at step 1 the layers are 8 / 8 / 4, so L1 is 8 (the bottom of "8-12") and the
# three layers hold 20, more than "12-18". The sources' own recipe, "a 0.08x multiplier
# to the base layer", matches no ratio here: $100k / $2M is 0.05.
account 100000
layers
# After one loss (step 2) L1 grows to 12, the top of "8-12", held there by the 1.2% budget,
# and the layers hold 12 + 9 + 4 = 25 (at steps 3 and 4 the budgets keep them at 24 to 25).
# So "8-12" is the range of L1 over the first two steps, while "12-18 across layers" fits
# no step at VIX 18.
loss 900
layers
# Where they agree: L1 risks "no more than 1.2% of account equity" and L3 is "sized to
# 0.4% of capital" (the layers' budgets); a single layer "never exceeds 8-10% of total
# capital" (the per-layer cap, 10%); "never exceed 18% gross exposure on the hedge side"
# (the gross cap); stops "from 90% to 65% of the credit" (90% 90% 65% 65%); "three to
# four steps" of "1.6× to 2×" (4 steps of 1.8, 1.6, 1.6).
#
# Where the sources name no rule, the model has none: MEV, DEX/AMM liquidity, DAO
# rebalancing, Multi-Sig "keys", IPO/IDO flows, CAPM and DDM "overlays", Quick Ratio
# "analogs", WACC and Market-Cap regimes, exchange-rate and rate-differential signals,
# GDP trends. They move no number in hedgebook. The thresholds the sources leave vague,
# such as what counts as a "VIX spike" (the model: VIX ≥ 1.2 × its value at the cycle's
# start), are the model's own choices, and the ones you can change are listed by `settings`.
settings
