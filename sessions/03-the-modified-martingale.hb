# # Lesson 3 · The modified martingale, with the sources' own example
#
# A martingale sizes up after a loss so that one win recovers the cycle. The modified
# martingale of the method does it gently and with limits:
#
# - a cycle starts at step 1 with a base budget, 1% of the equity at the start;
# - after a loss at step k the next trade is sized at step k + 1, the budget multiplied
#   by 1.8, then 1.6, then 1.6 (at most 4 steps);
# - after a win, rule `recover`: if the cycle's P&L is back to zero or better, the cycle
#   ends and a new one starts at step 1; otherwise you stay at the same step;
# - a loss at the last step ends the cycle: the loss is accepted;
# - no budget may exceed 10% of the current equity (the cap).
#
# The sources walk through one cycle on $100,000: a $1,000 base trade loses $900, the
# next is sized at $1,800 and wins $320, and "should a second consecutive loss occur,
# the modified martingale advances to a $2,900 notional". Let us replay it.
date 2026-01-05
spx 6000
vix 18
set underlying xsp
account 100000
# Week 1: the base trade loses $900. Step 1 → step 2; the next budget is
# $1,000 × 1.8 = $1,800, as the sources say.
date 2026-01-12
loss 900
# Week 2: the $1,800 trade wins $320. The cycle is still down $900 − $320 = $580, so
# rule `recover` keeps it at step 2: the next budget is $1,800 again, not the base.
date 2026-01-19
win 320
# Week 3: a second loss. The sources do not say how much; the size of a loss does not
# matter to the next budget, only the step does. Step 3: $1,000 × 1.8 × 1.6 = $2,880.
# The sources round this to "$2,900"; the rule gives $2,880.
date 2026-01-26
loss 1500
# The whole cycle on one table: the marker ▶ is where we are. Contracts are what the XSP
# condor's stop risk fits in each budget; "if all lose" adds up the risk of the steps.
progression
# `why` takes the step-3 budget apart: the base, the product of the multipliers, the cap.
why
# Week 4: a win of $2,500 brings the cycle to −$2,080 + $2,500 = +$420 ≥ 0: the cycle is
# recovered, so a new one starts at step 1 from the new equity: base 1% × $100,420.
date 2026-02-02
win 2500
# The journal keeps every result, dated: the equity curve, the win rate against the
# break-even win rate, the drawdown, the cycles and the money-weighted return (IRR).
journal
# The cap. With aggressive multipliers (3 × 3 × 3) step 4 would ask for 27 × the base,
# more than 10% of the equity: the cap binds and the table marks it. This is the
# "steward's rule": position size never exceeds 10% of capital.
set multipliers 3 3 3
progression
