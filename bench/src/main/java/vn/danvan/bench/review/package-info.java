/** {@code bench review}: how long the annual review pack takes to build on a real lake. */
package vn.danvan.bench.review;
