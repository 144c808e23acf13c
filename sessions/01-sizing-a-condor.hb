# # Lesson 1 · Sizing an iron condor for a $100k account
#
# An iron condor sells a put and a call out of the money and buys a put and a call
# further out as wings. You keep the credit if SPX stays between the short strikes;
# the wings cap what you can lose. This lesson builds one in a fixed market, asks how
# many a $100,000 account may trade, and finds out why the answer is zero on SPX.
#
# First the market. Every number below follows from these inputs and the settings:
# a date, the SPX level and the VIX (SPX's at-the-money volatility is VIX / 100).
date 2026-01-05
spx 6000
vix 18
# The settings say which condor to build: 45 days to expiry, short strikes at 16 delta,
# wings 50 points wide; and how to size it: 1% of equity at step 1 of the progression,
# risking the stop (90% of the credit) rather than the whole wing.
settings
# Now the account. `account` sets the equity and starts a cycle of the modified
# martingale at step 1. The risk budget at step 1 is the base: 1% × $100,000 = $1,000.
account 100000
# The condor. Read the table from the top: four strikes found by delta, the credit the
# model prices for them (per contract, × 100), the max loss (100 × width − credit), the
# break-evens, and the odds at expiry under the VIX's volatility.
#
# Then the size. Risk per contract is the stop: 90% × $1,441.15 = $1,297.04. The budget
# is $1,000. Contracts = floor($1,000 / $1,297.04) = 0. One SPX condor is too big for a
# 1% budget on $100k, and the tool says so instead of rounding up.
condor
# 1% of $100k cannot buy one SPX condor: even a stop at 90% of a $1,441 credit risks
# more than $1,000, and the gap risk (the whole wing, $3,558.85) is 3.6% of the account.
# The finding lists what the same $1,000 would buy. XSP, the mini-SPX, is the same index
# divided by 10 with the same multiplier of 100, so every price, credit and risk is about a
# tenth (XSP strikes come every 1 point, so they land a little differently from SPX's).
set underlying xsp
condor
# Seven XSP condors: floor($1,000 / $129.37) = 7, risking $905.58 at the stop and
# $2,493.79 if price gaps through the wings. (In teaching mode, press `w` on this cell to
# see the rule and inputs behind every number of the report.)
#
# The same size, step by step of the cycle: what the budget buys at each step if the
# trades before it lost. The next lessons take this table apart.
progression
# `why` explains the last numbers printed, here the budget of the current step: which
# rule, which inputs, down to the settings and what you typed.
why
